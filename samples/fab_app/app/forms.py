from flask_appbuilder.fieldwidgets import BS3TextAreaFieldWidget, BS3TextFieldWidget
from flask_appbuilder.forms import DynamicForm
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length


class StockAdjustForm(DynamicForm):
    sku = StringField("SKU", validators=[DataRequired()], widget=BS3TextFieldWidget())
    warehouse = StringField("Warehouse code", validators=[DataRequired()],
                            widget=BS3TextFieldWidget())
    quantity = IntegerField("Quantity (negative to remove)", validators=[DataRequired()])
    reason = StringField("Reason", validators=[Length(max=200)], widget=BS3TextFieldWidget())


class SupplierEnquiryForm(DynamicForm):
    company = StringField("Company", validators=[DataRequired()], widget=BS3TextFieldWidget())
    email = StringField("Email", validators=[DataRequired(), Email()],
                        widget=BS3TextFieldWidget())
    message = TextAreaField("Message", validators=[DataRequired()],
                            widget=BS3TextAreaFieldWidget())
