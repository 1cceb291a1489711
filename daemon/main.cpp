// redline's entry point: builds the command table and maps failures to sysexits codes.
#include "daemon/commands.h"

int main(int argc, char** argv) { return redline::run_cli(argc, argv); }
