"""One module per Flask-RESTX namespace; app.py adds them to the Api."""
