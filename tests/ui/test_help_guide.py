"""The guide: opened from Help (F1) at a section, and from each page of the interview wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from desktop.ui import help_guide, help_text


def test_the_guide_covers_the_three_stages():
    text = help_text.document()
    for key in ("prepare", "during", "after"):
        assert f'name="{key}"' in text
    for words in ("thank", "24 hours", "question sheet", "pitch", "keep in touch"):
        assert words.lower() in text.lower(), words


def test_help_opens_the_guide_once_per_window(qtbot, window):
    window.actions["guide"].trigger()
    guides = window.findChildren(help_guide.GuideWindow)
    assert len(guides) == 1 and guides[0].isVisible()
    window.actions["guide"].trigger()
    assert len(window.findChildren(help_guide.GuideWindow)) == 1
    guides[0].close()


def test_the_guide_scrolls_to_a_section(qtbot, window):
    guide = help_guide.show_guide(window, "after")
    qtbot.waitExposed(guide)
    assert guide.current_section() == "after"
    scrolled = guide.browser.verticalScrollBar().value()
    guide.scroll_to("intro")
    assert guide.browser.verticalScrollBar().value() < scrolled
    guide.sections.setCurrentRow(help_text.KEYS.index("during"))
    assert guide.current_section() == "during"
    guide.close()


def test_links_inside_the_guide_never_leave_it(qtbot, window):
    from PySide6.QtCore import QUrl

    guide = help_guide.show_guide(window)
    guide.browser.anchorClicked.emit(QUrl("https://example.com/#after"))
    assert guide.current_section() == "intro"
    guide.browser.anchorClicked.emit(QUrl("#after"))
    assert guide.current_section() == "after"
    guide.close()


def test_each_wizard_page_links_to_its_section(qtbot, window, seeded):
    wizard = window.run_feature("open_chat", seeded.held_chat)
    try:
        button = wizard.button(QWizard.WizardButton.HelpButton)
        assert button.isVisible() or wizard.testOption(QWizard.WizardOption.HaveHelpButton)
        for page_id, section in help_guide.SECTION_OF_WIZARD_PAGE.items():
            wizard.go_to(page_id)
            assert wizard.currentId() == page_id
            wizard.helpRequested.emit()
            guide = wizard.findChild(help_guide.GuideWindow)
            assert guide is not None and guide.current_section() == section
    finally:
        wizard.close()
