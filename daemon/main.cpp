// redline's entry point: builds the command table and maps failures to sysexits codes.
#include "daemon/commands.h"

#ifdef REDLINE_JEMALLOC
// jemalloc reads its options from this symbol when it starts. Two arenas, one per thread that
// allocates much (the loop's and the worker's), instead of four per core; and memory freed is
// handed back to the system after a second instead of ten, so a burst's peak does not linger.
// With both, a cold poll of 1,000 feeds peaked at the memory glibc's malloc needs.
extern "C" const char* malloc_conf;
const char* malloc_conf = "narenas:2,dirty_decay_ms:1000";
#endif

int main(int argc, char** argv) { return redline::run_cli(argc, argv); }
