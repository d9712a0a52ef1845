#pragma once

#include "widgets/SectionPage.h"

#include <QWidget>

namespace hm::app {

class SectionEmptyState;

// The page of a section whose feature is still being built: the shared empty
// state (badge, title, sentence), saying plainly what will be there and that
// this version does not have it yet. The shell gates it like any section
// (signed out, role); subclasses word it in retranslateUi() and grow into
// the real page. objectName `page.<id>`; its state `<id>.empty…`.
class PlannedSectionPage : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    PlannedSectionPage(const QString &sectionId, QWidget *parent);

    SectionEmptyState *emptyState() const { return m_state; }

    QWidget *widget() override { return this; }
    void applySession(const Session &session) override { m_session = session; }
    const Session &session() const { return m_session; }

protected:
    // Sets the empty state's title and text in the current language.
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent *event) override;
    // Subclasses call this at the end of their constructor.
    void finishSetUp();

private:
    SectionEmptyState *m_state;
    Session m_session;
};

} // namespace hm::app
