from django.conf.urls import patterns, url

from contacts.views import (ContactCreate, ContactDelete, ContactDetail, ContactList,
                            ContactUpdate, ImportContacts)

urlpatterns = patterns('contacts.views',
    url(r'^$', ContactList.as_view(), name='list'),
    url(r'^(?P<pk>\d+)/$', ContactDetail.as_view(), name='detail'),
    url(r'^new/$', ContactCreate.as_view(), name='new'),
    url(r'^(?P<pk>\d+)/edit/$', ContactUpdate.as_view(), name='edit'),
    url(r'^(?P<pk>\d+)/delete/$', ContactDelete.as_view(), name='delete'),
    url(r'^import/$', ImportContacts.as_view(), name='import'),
    url(r'^export\.csv$', 'export_csv', name='export'),
    url(r'^(?P<pk>\d+)/merge/$', 'merge', name='merge'),
    url(r'^search/$', 'search', name='search'),
    url(r'^hooks/mailchimp/$', 'mailchimp_hook', name='mailchimp-hook'),
)
