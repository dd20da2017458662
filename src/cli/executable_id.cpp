#include "cli/executable_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace cutover {
namespace {

// The NT_GNU_BUILD_ID note among `size` bytes of notes, as raw bytes.
std::optional<std::string> build_id_in_notes(const char* notes, std::size_t size) {
  const auto align4 = [](std::size_t n) { return (n + 3) & ~std::size_t{3}; };
  for (std::size_t at = 0; size - at >= sizeof(ElfW(Nhdr));) {
    ElfW(Nhdr) header;
    std::memcpy(&header, notes + at, sizeof header);
    const std::size_t name_at = at + sizeof header;
    const std::size_t desc_at = name_at + align4(header.n_namesz);
    const std::size_t next = desc_at + align4(header.n_descsz);
    if (desc_at > size || header.n_descsz > size - desc_at) return std::nullopt;
    if (header.n_type == NT_GNU_BUILD_ID && header.n_namesz == 4 &&
        std::memcmp(notes + name_at, "GNU", 4) == 0 && header.n_descsz > 0) {
      return std::string(notes + desc_at, header.n_descsz);
    }
    at = next;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> executable_build_id() {
  std::optional<std::string> id;
  // The first object dl_iterate_phdr reports is the executable itself.
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        auto& found = *static_cast<std::optional<std::string>*>(out);
        for (ElfW(Half) i = 0; i < info->dlpi_phnum && !found; ++i) {
          const ElfW(Phdr)& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          found = build_id_in_notes(
              reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr), segment.p_memsz);
        }
        return 1;  // stop after the executable
      },
      &id);
  return id;
}

}  // namespace cutover
