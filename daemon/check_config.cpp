// `redline check-config --config FILE`: exit 0 when the configuration (and its watchlist) is
// valid, else 78 with "FILE:LINE: reason" on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "config/config.h"
#include "daemon/commands.h"
#include "topics/topics.h"

namespace redline {

Action add_check_config_command(CLI::App& app) {
  auto* sub = app.add_subcommand("check-config", "Validate a configuration file and exit");
  auto path = std::make_shared<std::string>("config/redline.toml");
  sub->add_option("--config,-c", *path, "configuration file")->capture_default_str();
  return [path] {
    const auto config = load_config(*path);
    if (!config) {
      std::fprintf(stderr, "%s\n", config.error().message.c_str());
      return exit_code::config;
    }
    const auto watchlist = load_watchlist(config->watchlist.file);
    if (!watchlist) {
      std::fprintf(stderr, "%s\n", watchlist.error().message.c_str());
      return exit_code::config;
    }
    const Classifier classifier(*watchlist);
    std::printf("%s: ok (%zu feeds, %zu webhooks, %zu email sinks; watchlist %s with %zu topics)\n",
                path->c_str(), config->feeds.size(), config->alerts.webhooks.size(),
                config->alerts.emails.size(), classifier.watchlist_name().c_str(),
                classifier.topics().size());
    return exit_code::ok;
  };
}

}  // namespace redline
