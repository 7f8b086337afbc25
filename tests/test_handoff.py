"""Resume codes people can read aloud and phone links nobody can guess."""

from kiosk import handoff


def test_resume_code_is_eight_digits_shown_in_two_groups():
    code = handoff.new_resume_code()
    assert code.isdigit() and len(code) == 8
    assert handoff.format_resume_code("12345678") == "1234 5678"


def test_tokens_carry_eighty_random_bits_and_differ():
    tokens = {handoff.new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(len(t) == 16 and t.isupper() or t.isalnum() for t in tokens)


def test_phone_url_is_upper_case_so_the_qr_stays_small():
    assert handoff.phone_url("http://192.168.1.5:8765", "ABCD") == "HTTP://192.168.1.5:8765/R/ABCD"


def test_phone_url_behind_a_path_keeps_its_case():
    assert handoff.phone_url("https://hall.example/kiosk/", "ABCD") == (
        "https://hall.example/kiosk/r/ABCD")
