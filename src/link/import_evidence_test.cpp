// Weighing a naming of the tree's files against what its imports claim.

#include "link/import_evidence.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

std::size_t index_of(const std::vector<FileSummary>& files, std::string_view path) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].path == path) return i;
  }
  FAIL("no file " << path);
  return 0;
}

const auto kEveryone = [](const ImportClaim&) { return true; };

TEST_CASE("imports resolve under a naming that has their modules and names",
          "[unit][import_evidence]") {
  const std::vector<FileSummary> files = testing::summarize_tree({
      {"vendor/redis/__init__.py", "class StrictRedis: pass\n"},
      {"vendor/redis/client.py", ""},
      {"app.py",
       "from redis import StrictRedis, Sentinel\nimport redis.client\nimport redis.exceptions\n"
       "import redis as r\nr.from_url('x')\n"
       "try:\n    from redis import hiredis\nexcept ImportError:\n    hiredis = None\n"},
  });
  std::vector<Diagnostic> notes;
  const ModuleIndex index(files, notes);
  const ImportEvidence evidence(files, index);
  const std::size_t init = index_of(files, "vendor/redis/__init__.py");
  const std::size_t client = index_of(files, "vendor/redis/client.py");

  const ImportScore bare = evidence.weigh({{init, "redis"}, {client, "redis.client"}}, kEveryone);
  // StrictRedis and redis.client are there; Sentinel, redis.exceptions and
  // r.from_url are not; hiredis may be missing (ImportError is caught).
  CHECK(bare.resolved == 2);
  CHECK(bare.contradicted == 3);

  const ImportScore prefixed =
      evidence.weigh({{init, "vendor.redis"}, {client, "vendor.redis.client"}}, kEveryone);
  CHECK(prefixed.resolved == 0);
  CHECK(prefixed.contradicted == 0);
}

TEST_CASE("below a folder without __init__.py a missing module is no evidence",
          "[unit][import_evidence]") {
  // Another portion of the namespace package may hold it.
  const std::vector<FileSummary> files = testing::summarize_tree({
      {"company/billing/__init__.py", ""},
      {"app.py", "import company.billing\nimport company.auth\nfrom company import billing\n"},
  });
  std::vector<Diagnostic> notes;
  const ModuleIndex index(files, notes);
  const ImportEvidence evidence(files, index);
  const ImportScore s = evidence.weigh(
      {{index_of(files, "company/billing/__init__.py"), "company.billing"}}, kEveryone);
  CHECK(s.resolved == 2);
  CHECK(s.contradicted == 0);
}

TEST_CASE("an importer's own module is no evidence for another root's", "[unit][import_evidence]") {
  // Two projects each define utils; each imports its own.
  const std::vector<FileSummary> files = testing::summarize_tree({
      {"api/utils.py", "def slug(): pass\n"},
      {"api/views.py", "from utils import slug\n"},
      {"worker/utils.py", "def retry(): pass\n"},
      {"worker/jobs.py", "from utils import retry\n"},
  });
  std::vector<Diagnostic> notes;
  const ModuleIndex index(files, notes);
  const ImportEvidence evidence(files, index);
  const ImportScore s =
      evidence.weigh_for_root({{index_of(files, "api/utils.py"), "utils"}}, "api");
  CHECK(s.resolved == 1);
  CHECK(s.contradicted == 0);
}

}  // namespace
}  // namespace cutover
