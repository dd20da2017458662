#include "model/inventory.h"

#include <tuple>

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

bool route_before(const Route& a, const Route& b) {
  return std::tie(a.path, a.methods, a.endpoint, a.handler, a.file, a.line) <
         std::tie(b.path, b.methods, b.endpoint, b.handler, b.file, b.line);
}

std::string_view route_resolution(const Route& r) {
  if (r.partial) return "partial";
  return r.assumptions.empty() ? "exact" : "assumed";
}

bool route_deprecated(const Inventory& inv, std::size_t route) {
  return route < inv.plan.matrix.size() && inv.plan.matrix[route].status == "deprecated";
}

std::uint32_t endpoints_to_move(const Inventory& inv) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < inv.routes.size(); ++i)
    n += inv.routes[i].framework != "fastapi" && !route_deprecated(inv, i);
  return n;
}

std::uint64_t source_lines(const Inventory& inv) {
  std::uint64_t lines = 0;
  for (const FileEntry& f : inv.files)
    lines += f.lines;
  return lines;
}

}  // namespace cutover
