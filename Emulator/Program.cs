// Placeholder until the emulator issue fills it in.
return 0;
