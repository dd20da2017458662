#pragma once
// The compatibility matrix of report.html: endpoints × adapters, coloured by
// status, with the number of endpoints needing each adapter. Every string
// from the scanned tree is escaped.

#include <string>

#include "model/inventory.h"

namespace cutover {

// The adapters the endpoints need, most needed first: id, FastAPI
// counterpart, endpoints needing it, by status.
std::string adapter_table(const Inventory& inv);

// The whole grid, <table id="matrix-table">: one row per endpoint, one column
// per adapter in use, a footer of counts. `source_url` links file:line
// (see source_link.h); "" for plain text.
std::string matrix_table(const Inventory& inv, std::string_view source_url);

}  // namespace cutover
