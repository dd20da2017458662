# -*- coding: utf-8 -*-
SECRET_KEY = 'sample-only-not-secret'
DEBUG = False
ROOT_URLCONF = 'crm_site.urls'
INSTALLED_APPS = [
    'django.contrib.contenttypes',
    'django.contrib.auth',
    'django.contrib.sessions',
    'contacts',
    'billing',
]
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}
USE_TZ = True
