from django.conf import settings
from django.conf.urls import include, patterns, url

from contacts.views import AboutPage, LegacyRedirect

urlpatterns = patterns('',
    url(r'^$', 'contacts.views.home', name='home'),
    url(r'^about/$', AboutPage.as_view(), name='about'),
    url(r'^old-contacts/$', LegacyRedirect.as_view(), name='old-contacts'),
    url(r'^contacts/', include('contacts.urls', namespace='contacts')),
    url(r'^billing/', include('billing.urls', namespace='billing')),
)

urlpatterns.append(url(r'^ping$', 'contacts.views.ping', name='ping'))

if settings.DEBUG:
    urlpatterns += patterns('',
        url(r'^__debug__/echo/$', 'contacts.views.echo', name='debug-echo'),
    )
