"""Custom URL converters, registered on the app in the factory."""
from werkzeug.routing import BaseConverter


class SlugConverter(BaseConverter):
    """Lower-case words joined by single dashes: ``spring-sale-2024``."""

    regex = r'[a-z0-9]+(?:-[a-z0-9]+)*'

    def to_python(self, value):
        return value.lower()

    def to_url(self, value):
        return super().to_url(value.lower())
