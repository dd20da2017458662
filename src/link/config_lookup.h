#pragma once
// `app.config["FORUM_URL_PREFIX"]` in a URL rule or prefix: Flask config is
// loaded at run time (from_object, from_pyfile, env), so statically the best
// evidence is the tree's own config classes and modules. A key is taken when
// every definition of it there agrees, or from the one named "default".

#include <optional>
#include <string>

#include "link/name_resolver.h"
#include "model/diagnostic.h"

namespace cutover {

struct ConfigValue {
  std::string value;
  std::string file;
  std::uint32_t line = 0;
};

std::optional<ConfigValue> lookup_config_key(const NameResolver& names, const std::string& key);

}  // namespace cutover
