namespace CloudResume.CloudFormation;
