#pragma once
// progress.json: `cutover progress` as data (reports/progress.schema.json).

#include <string>

#include "model/progress.h"

namespace cutover {

inline constexpr int kProgressSchemaVersion = 1;

std::string progress_to_json(const Progress& progress);

}  // namespace cutover
