#pragma once
// endpoints.csv: one row per endpoint for planning in a spreadsheet —
// methods, path, family, wave, status, adapters, blockers, handler
// file:line. RFC 4180 (CRLF, quoted fields), and every cell that a
// spreadsheet would run as a formula is neutralised: scanned text is
// hostile.

#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace cutover {

std::string endpoints_csv(const Inventory& inventory);

// One RFC 4180 field: neutralised (a leading '=', '+', '-', '@', tab or CR
// gets a "'" in front), invalid UTF-8 replaced by U+FFFD, quoted when it
// holds a quote, a comma, CR or LF.
std::string csv_field(std::string_view text);

// A record: the fields joined with ',' and ended with CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace cutover
