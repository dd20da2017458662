import os, sys, tempfile, types
from _common import app_entry, root, out, deps_path
import corpuslib, dump_django
NAME = "wger"
e = app_entry(NAME); R = root(NAME)
corpuslib.no_network()
finder = corpuslib.install_stubs([])
# versions pinned by wger 2.1's requirements.txt; Debian bookworm lacks these packages
deps_path("_deps/django-email-verification-0.1.0", "_deps/django-activity-stream-1.4.2",
          "_deps/django-recaptcha-3.0.0", "_deps/easy-thumbnails-2.8.3")
# INSTALLED_APPS entries that ship only static files (fontawesomefree) or template tags
# (django_bootstrap_breadcrumbs, no snapshot of its repository here): neither defines a view
# or URL, but Django needs an on-disk package for each app -> empty packages
corpuslib.empty_packages(["fontawesomefree", "django_bootstrap_breadcrumbs"])
sys.path.insert(0, R)
# wger's settings.py is generated per site (`wger create-settings` from wger/settings.tpl):
# the same content, in memory, with DEBUG off and a throw-away sqlite file that is never opened
tmp = tempfile.mkdtemp()
cfg = types.ModuleType("corpus_wger_settings")
exec("from wger.settings_global import *", cfg.__dict__)
cfg.DEBUG = False
cfg.ADMINS = (("corpus", "corpus@example.com"),)
cfg.MANAGERS = cfg.ADMINS
cfg.DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tmp, "wger.sqlite")}}
cfg.TIME_ZONE = "Europe/Berlin"
cfg.SECRET_KEY = "corpus" * 8
cfg.RECAPTCHA_PUBLIC_KEY = ""
cfg.RECAPTCHA_PRIVATE_KEY = ""
cfg.NOCAPTCHA = True
cfg.SITE_URL = "http://localhost:8000"
cfg.MEDIA_ROOT = os.path.join(tmp, "media")
cfg.MEDIA_URL = "/media/"
cfg.ALLOWED_HOSTS = "*"
cfg.DEFAULT_FROM_EMAIL = cfg.WGER_SETTINGS["EMAIL_FROM"]
cfg.EMAIL_PAGE_DOMAIN = cfg.SITE_URL
sys.modules["corpus_wger_settings"] = cfg
os.environ["DJANGO_SETTINGS_MODULE"] = "corpus_wger_settings"
os.chdir(tmp)
import django
django.setup()
doc = dump_django.dump(R, e["repo"], e["commit"], out(NAME), stubs=finder.used,
                       extra={"settings": "wger.settings_global + wger/settings.tpl values in memory "
                                          "(DEBUG=False, sqlite file never opened, MEDIA_URL=/media/)",
                              "empty_packages": ["fontawesomefree", "django_bootstrap_breadcrumbs"],
                              "deps_vendored": ["LeoneBacciu/django-email-verification@0.1.0",
                                                "justquick/django-activity-stream@1.4.2",
                                                "torchbox/django-recaptcha@3.0.0",
                                                "SmileyChris/easy-thumbnails@2.8.3"]})
print("routes:", len(doc["routes"]), "errors:", doc.get("resolver_errors"), "stubs:", sorted(finder.used))
