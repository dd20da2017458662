"""Route modules.  Importing one attaches its routes to a blueprint from
``app_pkg.blueprints``; the factory imports them all before registering."""
