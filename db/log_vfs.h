// A VFS that writes the write-ahead log in large pieces. SQLite writes each log frame as two
// writes (its 24-byte header, then the page), two system calls per page: in a cold poll of a
// thousand feeds, about 76,000 of them were a tenth of the database thread (issue #8). Through
// this VFS a log file gathers consecutive writes in memory (up to 120 KiB) and writes them at
// once: when a transaction's commit frame is complete, before the log is read, synced,
// truncated or sized, and when a write does not follow the last. A commit frame is written
// before its write returns, so SQLite marks a transaction committed (in the log's index, after
// that write) only once the file holds it, and a failed write fails the commit as it would have
// failed without the buffer. Other files, and every other call, go to the default VFS as it is
// when the file is opened.
#pragma once

namespace redline::sqlite {

// The name to open databases with (sqlite3_open_v2's zVfs); registers the VFS on first use.
// Null when it could not be registered: open with the default VFS then.
const char* log_batching_vfs();

}  // namespace redline::sqlite
