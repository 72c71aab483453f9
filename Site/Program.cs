// Placeholder until the AppHost/Site issue fills it in.
return 0;
