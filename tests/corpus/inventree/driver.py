import os, sys, tempfile
from _common import app_entry, root, out, deps_path
import corpuslib, dump_django
NAME = "inventree"
e = app_entry(NAME); R = root(NAME)   # R = the repository's InvenTree/ folder (manage.py, settings)
corpuslib.no_network()
# Stubbed (PyPI-only, no routes):
#  rapidfuzz   - fuzzy column-header matching for the file importer (common/files.py)
#  pdf2image   - label/report preview rendering (plugin/base/label/mixins.py)
# (python-barcode, django-q-sentry and django-xforwardedfor-middleware are never imported by
#  django.setup() + URL resolution: template-tag library / Q_CLUSTER string / MIDDLEWARE entry)
STUBS = ["rapidfuzz", "pdf2image"]
finder = corpuslib.install_stubs(STUBS)
# 'markdownify' (django-markdownify) is an INSTALLED_APPS entry that only ships a template tag;
# no snapshot of its repository is available, so it is an empty package (Django needs a location).
corpuslib.empty_packages(["markdownify"])
deps_path("_deps/django-allauth-0.54.0", "_deps/django-allauth-2fa-0.11.1", "_deps/dj-rest-auth-5.0.1",
          "_deps/django-q2-1.6.1", "_deps/django-user-sessions-2.0.0", "_deps/django-error-report-2-0.4.2",
          "_deps/django-sesame-3.2.1/src", "_deps/django-money-3.2", "_deps/py-moneyed-3.0/src",
          "_deps/django-flags-5.0.13", "_deps/django-sql-utils-0.7.0", "_deps/django-stdimage-6.0.2",
          "_deps/django-dbbackup-4.0.2", "_deps/django-weasyprint-2.2.1")
corpuslib.fake_dist_metadata([("django-allauth", "0.54.0"), ("django-allauth-2fa", "0.11.1"),
                              ("dj-rest-auth", "5.0.1"), ("django-q2", "1.6.1"),
                              ("django-user-sessions", "2.0.0"), ("django-sesame", "3.2.1"),
                              ("django-money", "3.2"), ("py-moneyed", "3.0"), ("django-flags", "5.0.13"),
                              ("django-stdimage", "6.0.2"), ("django-dbbackup", "4.0.2"),
                              ("django-weasyprint", "2.2.1")])
# InvenTree reads its settings from config.yaml + INVENTREE_* env vars, and would write config.yaml,
# secret_key.txt and plugins.txt beside the sources: point all of them at a temp dir instead.
tmp = tempfile.mkdtemp(prefix="inventree-")
import shutil
shutil.copyfile(os.path.join(R, "config_template.yaml"), os.path.join(tmp, "config.yaml"))
os.environ.update({
    "INVENTREE_CONFIG_FILE": os.path.join(tmp, "config.yaml"),
    "INVENTREE_PLUGIN_FILE": os.path.join(tmp, "plugins.txt"),
    "INVENTREE_SECRET_KEY": "x" * 50,
    "INVENTREE_STATIC_ROOT": os.path.join(tmp, "static"),
    "INVENTREE_MEDIA_ROOT": os.path.join(tmp, "media"),
    "INVENTREE_BACKUP_DIR": os.path.join(tmp, "backup"),
    "INVENTREE_DEBUG": "False",
    # unreachable database (network is blocked): never connected to
    "INVENTREE_DB_ENGINE": "postgresql", "INVENTREE_DB_NAME": "inventree", "INVENTREE_DB_USER": "x",
    "INVENTREE_DB_PASSWORD": "x", "INVENTREE_DB_HOST": "127.0.0.1", "INVENTREE_DB_PORT": "1",
    "INVENTREE_SITE_URL": "http://localhost",
    "DJANGO_SETTINGS_MODULE": "InvenTree.settings",
})
# AppConfig.ready() hooks query the database unless a DB-less management command runs
# (InvenTree/ready.py canAppAccessDatabase); run them as `manage.py check` does.
sys.argv = [os.path.join(R, "manage.py"), "check"]
sys.path.insert(0, R)
os.chdir(tmp)
import django
django.setup()
doc = dump_django.dump(R, e["repo"], e["commit"], out(NAME), stubs=finder.used,
                       extra={"settings": "InvenTree.settings from config_template.yaml + INVENTREE_* env "
                                          "(DEBUG=False, admin enabled at 'admin', classic + platform frontends, "
                                          "PLUGINS_ENABLED=False default, unreachable postgresql); "
                                          "sys.argv as `manage.py check` so ready() skips DB work",
                              "upstream": "inventree/InvenTree 0.13.0 (commit 301afaa9, subdir InvenTree/)",
                              "empty_packages": ["markdownify"],
                              "deps_vendored": ["pennersr/django-allauth@0.54.0", "valohai/django-allauth-2fa@v0.11.1",
                                                "iMerica/dj-rest-auth@5.0.1", "django-q2/django-q2@v1.6.1",
                                                "jazzband/django-user-sessions@2.0.0",
                                                "matmair/django-error-report-2@0.4.2", "aaugustin/django-sesame@3.2.1",
                                                "django-money/django-money@3.2", "py-moneyed/py-moneyed@v3.0",
                                                "cfpb/django-flags@5.0.13", "martsberger/django-sql-utils@0.7.0",
                                                "codingjoe/django-stdimage@6.0.2", "jazzband/django-dbbackup@4.0.2",
                                                "fdemmer/django-weasyprint@v2.2.1"]})
print("routes:", len(doc["routes"]), "errors:", doc.get("resolver_errors"), "stubs:", sorted(finder.used))
