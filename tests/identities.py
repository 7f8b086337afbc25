"""Generated test identities: valid checksums, obviously fake people."""

from stdnum.cn import ric

FAKE_NAME = "张三"
FAKE_PHONE = "13800000000"


def fake_id(birth: str = "19500101", serial: str = "123", area: str = "330205") -> str:
    """An ID number with a valid check digit. stdnum's calc_check_digit wants a placeholder
    check digit on the end, which it ignores."""
    body = area + birth + serial
    return body + ric.calc_check_digit(body + "0")
