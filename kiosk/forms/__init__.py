"""Form definitions (data from assets/), validation and the order questions are asked in.

The kiosk screens and the phone page both use this package, so a field is checked the
same way wherever it is typed.
"""

from kiosk.forms.definition import Choice, Field, Form
from kiosk.forms.flow import Flow
from kiosk.forms.validate import Problem, check

__all__ = ["Choice", "Field", "Flow", "Form", "Problem", "check"]
