#pragma once

#include <QObject>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;
class QWidget;

namespace hm::app {

// The top of a searchable section page (Services, Credentials): the title
// and its muted subtitle, then the toolbar with the search field, the
// page's filters, a stretch, the Refresh button and the page's buttons.
// F5 (QKeySequence::Refresh, anywhere in the page) and the button ask for
// refreshRequested(); typing in the search asks for searchChanged() 250 ms
// after the last key. Not a widget: its rows go into the page's layout, so
// the page looks as it did when it built them itself. Names:
// `<section>.title`, `<section>.subtitle`, `<section>.search`,
// `<section>.action.refresh` and the Refresh button as the page names it.
class SectionHeader final : public QObject
{
    Q_OBJECT

public:
    SectionHeader(const QString &section, const QString &refreshName, QWidget *page,
                  QVBoxLayout *layout);

    QLabel *title() const { return m_title; }
    QLabel *subtitle() const { return m_subtitle; }
    QLineEdit *search() const { return m_search; }
    QPushButton *refresh() const { return m_refresh; }
    QAction *refreshAction() const { return m_refreshAction; }

    // A filter beside the search (before the stretch).
    void addFilter(QWidget *filter);
    // A button after Refresh.
    void addButton(QWidget *button);
    // The search field's, the button's texts in the current language (the
    // page calls it from its retranslateUi and sets the title itself).
    void retranslateUi();

signals:
    void refreshRequested();
    // The trimmed search text, once typing paused.
    void searchChanged(const QString &text);

private:
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_refresh = nullptr;
    QAction *m_refreshAction = nullptr;
    QHBoxLayout *m_toolbar = nullptr;
    QTimer *m_searchDelay = nullptr;
    int m_filters = 0;
};

} // namespace hm::app
