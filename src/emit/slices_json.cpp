#include "emit/slices_json.h"

namespace cutover {

void write_slices(JsonWriter& w, const Inventory& inv) {
  w.begin_array();
  for (const EndpointSlice& s : inv.slices) {
    w.begin_object();
    w.member("route", s.route_id);
    w.key("functions");
    w.begin_array();
    for (const std::uint32_t u : s.units) {
      const CodeUnit& unit = inv.code_units[u];
      w.begin_object();
      w.member("name", unit.name);
      w.member("file", unit.file);
      w.member("line", unit.line);
      w.member("lines", unit.lines);
      w.end_object();
    }
    w.end_array();
    w.member("modules", s.modules);
    w.key("tables");
    w.begin_object();
    w.member("read", s.tables_read);
    w.member("written", s.tables_written);
    w.end_object();
    w.member("lines", s.lines);
    w.member("unresolved_calls", s.unresolved_calls);
    w.end_object();
  }
  w.end_array();
}

}  // namespace cutover
