#pragma once

#include "shell/Sections.h"
#include "widgets/SectionPage.h"

#include <QStackedWidget>

namespace hm::app {

class SectionEmptyState;

// The one place for a section's session states (console.md "Honest
// states"): a stack of the section's page and the shell's own state, shown
// in the page's place when the console is not connected, nobody is signed
// in (for pages that want the shell to say so) or the signed-in role is
// below the section's required role. objectName `section.<id>`; the state's
// widgets `gate.<id>.empty`, `.emptyTitle`, `.emptyText`, `.emptyAction`.
class SectionFrame final : public QStackedWidget
{
    Q_OBJECT

public:
    enum class Gate
    {
        None,         // the page shows
        Disconnected, // no server
        SignedOut,    // nobody signed in
        NotAllowed,   // the role is below the section's
        ServerTooOld, // the server does not serve the section's feature
    };
    Q_ENUM(Gate)

    SectionFrame(Section section, SectionHost *host, QWidget *parent);

    // Takes the page (made by the section's factory with this frame as parent).
    void setPage(SectionPage *page);
    SectionPage *page() const { return m_page; }
    const Section &section() const { return m_section; }

    // Updates the gate and hands the session to the page: the page follows
    // every session, gated or not, so that it is ready when the gate lifts.
    void applySession(const Session &session);
    Gate gate() const { return m_gate; }

protected:
    void changeEvent(QEvent *event) override;

private:
    Gate gateFor(const Session &session) const;
    void retranslateUi();

    Section m_section;
    SectionHost *m_host;
    SectionPage *m_page = nullptr;
    SectionEmptyState *m_state = nullptr;
    Session m_session;
    Gate m_gate = Gate::None;
};

} // namespace hm::app
