"""Flask-RESTful resources of the library service."""
