SECRET_KEY = 'sample-only-not-secret'
DEBUG = False
ROOT_URLCONF = 'shopapi.urls'
INSTALLED_APPS = [
    'django.contrib.contenttypes',
    'django.contrib.auth',
    'rest_framework',
    'catalog',
    'accounts',
]
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}
USE_TZ = True
