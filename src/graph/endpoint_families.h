#pragma once
// Endpoint families, the unit a strangler migration moves, and how they
// depend on each other through the module graph. A family is a Flask
// blueprint, a Django app, or the first path segment of routes registered on
// the app itself (the planning stage may regroup them).
//
// A module belongs to the family whose handlers it holds. Family A depends
// on family B when A's modules import B's, directly or through modules of no
// family (models, services, utils). Modules many families reach are "core":
// they are extracted or wrapped before those families can move.

#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

// The family of one route, and its kind ("blueprint", "django-app",
// "path-prefix"). `django_apps` are the app packages INSTALLED_APPS names.
struct FamilyName {
  std::string name;
  std::string kind;
};
// Families declared in config come first.
FamilyName family_of(const Route& route, const std::vector<std::string>& django_apps,
                     const std::vector<FamilyOverride>& overrides = {});

// The first literal segment of a route path: "/api/v1/x" → "api",
// "^accounts/(?P<pk>\d+)$" → "accounts"; "(root)" when there is none.
std::string first_path_segment(std::string_view path);

// Sets each route's family, fills inv.families and inv.family_edges, and the
// family, families_reaching and core fields of every module. Needs routes
// with `module` set and the internal import edges.
void analyse_endpoint_families(Inventory& inv, const std::vector<FamilyOverride>& overrides = {});

}  // namespace cutover
