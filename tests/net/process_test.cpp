// The test-support helpers other stages' integration tests rely on.
#include "support/process.h"

#include <gtest/gtest.h>
#include <signal.h>

#include "support/http_server.h"

namespace redline::test {
namespace {

using namespace std::chrono_literals;

TEST(RunCommand, CapturesOutputAndExitCodeAndFeedsStdin) {
  const CommandResult r =
      run_command({"/bin/sh", "-c", "cat; echo oops >&2; exit 3"}, {{}, "hello\n"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "hello\n");
  EXPECT_EQ(r.err, "oops\n");
  EXPECT_FALSE(r.timed_out);
}

TEST(RunCommand, KillsAChildThatRunsTooLong) {
  RunOptions o;
  o.timeout = 300ms;
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = run_command({"/bin/sh", "-c", "sleep 30 & sleep 30"}, o);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(RunCommand, PassesEnvironmentAndLargeInput) {
  RunOptions o;
  o.env = {{"REDLINE_TEST_VALUE", "42"}};
  o.stdin_data = std::string(1 << 20, 'x');
  const CommandResult r =
      run_command({"/bin/sh", "-c", "echo $REDLINE_TEST_VALUE; wc -c"}, o);
  EXPECT_EQ(r.out, "42\n1048576\n");
}

TEST(RunCommand, ThrowsWhenTheProgramDoesNotExist) {
  EXPECT_THROW(run_command({"/nonexistent/redline-helper"}), std::runtime_error);
}

TEST(ChildProcess, WaitsForOutputAndStopsTheWholeGroup) {
  ChildProcess child({"/bin/sh", "-c", "echo ready; sleep 30 & wait"});
  EXPECT_EQ(child.first_stdout_line(5s), "ready");
  EXPECT_TRUE(child.running());
  EXPECT_EQ(child.stop(2s), 128 + SIGTERM);
  EXPECT_FALSE(child.running());
}

TEST(ChildProcess, ReportsTheExitCodeAndSignals) {
  ChildProcess quick({"/bin/sh", "-c", "echo done >&2; exit 7"});
  EXPECT_EQ(quick.wait(5s), 7);
  EXPECT_TRUE(quick.wait_for_stderr("done", 1s));
  ChildProcess sleeper({"/bin/sleep", "30"});
  EXPECT_FALSE(sleeper.wait(100ms).has_value());
  sleeper.signal(SIGHUP);
  EXPECT_EQ(sleeper.wait(5s), 128 + SIGHUP);
}

TEST(HttpServer, CountsRequestsItServed) {
  TempDir dir;
  dir.write("www/a.xml", "<a/>");
  HttpServer server(dir.file("www"));
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.url("/a.xml"), "http://127.0.0.1:" + std::to_string(server.port()) + "/a.xml");
  const CommandResult r = run_command({"curl", "-sf", "--noproxy", "*", server.url("/a.xml?x=1")});
  EXPECT_EQ(r.out, "<a/>");
  EXPECT_EQ(server.count("/a.xml"), 1u);
  EXPECT_EQ(server.count("/a.xml?x=1"), 1u);
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].method, "GET");
}

}  // namespace
}  // namespace redline::test
