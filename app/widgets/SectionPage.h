#pragma once

#include "client/ApiTypes.h"

#include <QList>
#include <QString>
#include <functional>

class QAction;
class QWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// What every section follows: the connection's client and who is signed in.
// The shell hands each page a new Session whenever one of these changes, in
// one call (SectionPage::applySession), and never the same Session twice.
struct Session
{
    client::ApiClient *client = nullptr; // the connection's; null before the first connection
    client::UserInfo user;               // empty when nobody is signed in
    bool connected = false;
    bool signedIn = false;
    // What the server said it serves (GET /version); known once read.
    QString serverVersion;
    QStringList serverFeatures;
    bool serverFeaturesKnown = false;

    // The client a page may read through: a connected, signed-in one only.
    client::ApiClient *signedInClient() const { return connected && signedIn ? client : nullptr; }
    // "admin", "user", "viewer"; empty when nobody is signed in.
    QString role() const { return signedIn ? user.role : QString(); }

    // The same sign-in on the same client (the connection's state aside).
    bool sameSignIn(const Session &other) const;

    bool operator==(const Session &other) const;
    bool operator!=(const Session &other) const { return !(*this == other); }
};

// Remembers the last sign-in a page applied: changed() is true the first
// time and whenever the sign-in differs (a reconnect alone is not a change).
class SignInTracker
{
public:
    bool changed(const Session &session)
    {
        if (m_known && m_last.sameSignIn(session))
            return false;
        m_known = true;
        m_last = session;
        return true;
    }

private:
    Session m_last;
    bool m_known = false;
};

// The rank of a role for the section table's required role: viewer < user <
// admin; an empty or unknown role ranks below viewer.
int roleRank(const QString &role);

// What the shell offers its sections: moving between them and the shell's
// own dialogs. Sections know each other only by id, through this.
class SectionHost
{
public:
    virtual ~SectionHost() = default;
    virtual bool selectSection(const QString &id) = 0;
    // Selects the section and opens one of its items (an execution, a service).
    virtual bool openInSection(const QString &id, const QString &itemId) = 0;
    // The signed-in user's own account (My Account).
    virtual void openAccount() = 0;
    // File > Sign In.
    virtual void signIn() = 0;
    // A section's stateText() changed.
    virtual void sectionStateChanged() = 0;
    // A passing message for the status bar ("Alert: CPU over 90 on web-01"),
    // already in the current language; it goes after a while.
    virtual void showNotice(const QString &text) = 0;
};

// A section of the console (console.md "Window"): a page in the main window's
// stack, made by its row of the section table (app/shell/SectionTable.cpp)
// and told about the session by the shell. The page is a QWidget that also
// implements this interface.
class SectionPage
{
public:
    virtual ~SectionPage() = default;

    virtual QWidget *widget() = 0;
    // The connection or the signed-in user changed: follow it.
    virtual void applySession(const Session &session) = 0;

    // Whether the shell shows its own "sign in" state in place of the page
    // while nobody is signed in. Pages that explain a signed-out state in
    // their own words (and keep unsaved work on screen) say false.
    virtual bool wantsSignedInGate() const { return true; }
    // A short line for the status bar about the section's state (a
    // backup's progress); empty when there is nothing to say. How many
    // rows a list shows is said under the list, not here (console.md
    // "Window": the status bar is for the connection, the user and long
    // work).
    virtual QString stateText() const { return {}; }
    // Whether the page follows the server live (the event hub).
    virtual bool isLive() const { return false; }

    // The section's own top-level menu, if any (title with its & mnemonic,
    // translated; asked again on a language change).
    virtual QString menuTitle() const { return {}; }
    virtual QList<QAction *> menuActions() const { return {}; }

    // Asked before the section is left, the window closes or the console
    // switches servers. False means "not yet": the page asked the user and
    // calls proceed() itself once the unsaved work is saved or discarded.
    virtual bool mayLeave(std::function<void()> proceed)
    {
        Q_UNUSED(proceed);
        return true;
    }
    // The console moves to another server: drop everything that belonged to
    // the old one (open editors, caches, messages). Called after mayLeave.
    virtual void resetForNewServer() {}
    // Opens one item of the section by id; false if the section has no items.
    virtual bool openItem(const QString &itemId)
    {
        Q_UNUSED(itemId);
        return false;
    }
};

} // namespace hm::app
