"""The desktop shell around the window: one instance only."""

import subprocess

from conftest import APP, app_processes


def test_a_second_launch_hands_over_to_the_running_one_and_exits(tend):
    first = app_processes(tend.data_dir)
    assert len(first) == 1
    second = subprocess.run([APP], env=tend.env(), timeout=30, capture_output=True)
    assert second.returncode == 0
    assert app_processes(tend.data_dir) == first, "the first instance is still the only one"
    assert tend.driver.title == "Tend", "and its window still answers"

