#pragma once
// Django calls AppConfig.ready() of every installed app at startup, before
// any URLconf is read. Code there that grows a module-level list of another
// module (`from proj.urls import urlpatterns; urlpatterns.append(...)`, maybe
// under `if settings.FEATURE:`) adds to that list after the module's own
// statements have run.
//
// Which AppConfig an INSTALLED_APPS entry uses follows Django 3.2: a dotted
// path to an AppConfig subclass is that class; an app module's
// `default_app_config` names it; else the one AppConfig subclass its `apps`
// submodule defines (not counting those with `default = False`), or, among
// several, the one with `default = True`; else Django's plain AppConfig.

#include <optional>
#include <vector>

#include "link/list_steps.h"
#include "link/name_resolver.h"
#include "model/inventory.h"

namespace cutover {

struct ReadyListStep {
  std::size_t file = 0;  // the module whose module-level list `name` grows
  std::string name;
  ListStep step;  // the statement in ready(): its file, scope, line and `if` branch
  std::vector<ConditionRef> conditions;  // the INSTALLED_APPS entry's `if` branches
};

// The steps the ready() of the installed apps' AppConfigs add to lists,
// in INSTALLED_APPS order. `settings`: the settings module's file; without
// it (or an INSTALLED_APPS it gives), every app package of the tree counts.
std::vector<ReadyListStep> ready_list_steps(const NameResolver& names,
                                            std::optional<std::size_t> settings);

}  // namespace cutover
