// Placeholder until the counter-function issue fills it in.
return 0;
