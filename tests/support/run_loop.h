// run_until: drives an io_context until a condition holds or a deadline passes, so a test that
// goes wrong fails with a message instead of hanging. Header-only: only tests that use Asio
// include it.
#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>

namespace redline::test {

// Runs handlers until `done()` is true (checked after each one) or `timeout` passes; returns
// done(). The io_context is restarted first, so it may be used again after a previous run.
inline bool run_until(boost::asio::io_context& io, const std::function<bool()>& done,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  io.restart();
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(20));
    if (io.stopped()) io.restart();
  }
  return done();
}

}  // namespace redline::test
