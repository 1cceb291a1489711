// `redline eval FILE [--watchlist F] [--baseline] [--errors]`: the classifier measured on a
// labelled JSON Lines set (see topics/evaluation.h); --baseline adds the naive keyword matcher,
// --errors lists every item decided wrongly.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "daemon/commands.h"
#include "topics/evaluation.h"
#include "topics/topics.h"

namespace redline {

Action add_eval_command(CLI::App& app) {
  struct Options {
    std::string file;
    std::string watchlist = "config/watchlists/us-mexico.toml";
    bool baseline = false;
    bool errors = false;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("eval", "Measure the classifier on a labelled JSONL set");
  sub->add_option("file", o->file, "labelled JSON Lines file")->required();
  sub->add_option("--watchlist,-w", o->watchlist, "watchlist file")->capture_default_str();
  sub->add_flag("--baseline", o->baseline, "also score the naive keyword matcher");
  sub->add_flag("--errors", o->errors, "list the items decided wrongly");
  return [o] {
    const auto w = load_watchlist(o->watchlist);
    if (!w) {
      std::fprintf(stderr, "%s\n", w.error().message.c_str());
      return exit_code::config;
    }
    const auto items = load_labelled(o->file);
    if (!items) {
      std::fprintf(stderr, "%s\n", items.error().message.c_str());
      return exit_code::data_error;
    }
    const Classifier c(*w);
    const EvalReport r = evaluate(*items, c);
    std::printf("%s", format_report(r).c_str());
    if (o->errors) {
      for (const auto& e : r.errors) std::printf("    %s\n", e.c_str());
    }
    if (o->baseline) {
      const EvalReport b = evaluate_naive(*items, **w);
      std::printf("%s", format_report(b).c_str());
    }
    return exit_code::ok;
  };
}

}  // namespace redline
