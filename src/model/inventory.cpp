#include "model/inventory.h"

namespace cutover {

std::string_view import_kind_name(ImportKind kind) {
  switch (kind) {
    case ImportKind::kInternal:
      return "internal";
    case ImportKind::kStdlib:
      return "stdlib";
    case ImportKind::kThirdParty:
      return "third_party";
    case ImportKind::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

}  // namespace cutover
