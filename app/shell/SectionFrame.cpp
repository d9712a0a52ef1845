#include "shell/SectionFrame.h"

#include "common/Check.h"
#include "widgets/IconBadge.h"
#include "widgets/SectionEmptyState.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>

namespace hm::app {

SectionFrame::SectionFrame(Section section, SectionHost *host, QWidget *parent)
    : QStackedWidget(parent), m_section(std::move(section)), m_host(host)
{
    setObjectName(QStringLiteral("section.") + m_section.id);
    m_state = new SectionEmptyState(QStringLiteral("gate.") + m_section.id, this);
    m_state->setBadge(createIconBadge(m_section.iconPath, 72, m_state));
    connect(m_state->action(), &QPushButton::clicked, this, [this] {
        if (m_gate == Gate::SignedOut && m_host)
            m_host->signIn();
    });
    addWidget(m_state);
    retranslateUi();
}

void SectionFrame::setPage(SectionPage *page)
{
    HM_CHECK(page && !m_page, return );
    m_page = page;
    insertWidget(0, page->widget());
    setCurrentWidget(m_gate == Gate::None ? page->widget() : m_state);
}

SectionFrame::Gate SectionFrame::gateFor(const Session &session) const
{
    const bool gated = m_page && m_page->wantsSignedInGate();
    if (gated && !session.connected)
        return Gate::Disconnected;
    // Signing in would not help: said first.
    if (!m_section.requiredFeature.isEmpty() && session.connected && session.serverFeaturesKnown &&
        !session.serverFeatures.contains(m_section.requiredFeature))
        return Gate::ServerTooOld;
    if (gated && !session.signedIn)
        return Gate::SignedOut;
    if (!m_section.requiredRole.isEmpty() && session.signedIn &&
        roleRank(session.role()) < roleRank(m_section.requiredRole))
        return Gate::NotAllowed;
    return Gate::None;
}

void SectionFrame::applySession(const Session &session)
{
    m_session = session;
    m_gate = gateFor(session);
    retranslateUi();
    if (m_page) {
        setCurrentWidget(m_gate == Gate::None ? m_page->widget() : m_state);
        m_page->applySession(session);
    }
}

void SectionFrame::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QStackedWidget::changeEvent(event);
}

void SectionFrame::retranslateUi()
{
    const QString title = m_section.translatedTitle();
    QPushButton *action = m_state->action();
    action->setVisible(m_gate == Gate::SignedOut);
    switch (m_gate) {
    case Gate::None:
    case Gate::Disconnected:
        m_state->title()->setText(tr("Not connected"));
        m_state->text()->setText(
            tr("%1 needs a server. The console connects by itself; the status bar shows how "
               "it is going and can try again at once.")
                .arg(title));
        break;
    case Gate::SignedOut:
        m_state->title()->setText(tr("Sign in to see %1").arg(title));
        m_state->text()->setText(m_section.translatedDescription());
        action->setText(tr("Sign In…"));
        break;
    case Gate::ServerTooOld:
        m_state->title()->setText(tr("%1 needs a newer server").arg(title));
        m_state->text()->setText(
            tr("The server this console is connected to (version %1) does not offer %2. "
               "Update the server to use it; the rest of the console works as before.")
                .arg(m_session.serverVersion.isEmpty() ? tr("unknown") : m_session.serverVersion,
                     title));
        break;
    case Gate::NotAllowed:
        m_state->title()->setText(tr("%1 is not open to your role").arg(title));
        m_state->text()->setText(
            tr("Your role cannot open this section. An administrator can change the roles "
               "of accounts in Users."));
        break;
    }
}

} // namespace hm::app
