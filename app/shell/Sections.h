#pragma once

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace hm::app {

class LanguageManager;
class SectionHost;
class SectionPage;
class ServerConnection;
class ThemeManager;

// One entry of the console's navigation: a stable id (used for object names,
// settings and --section), and the untranslated texts, translated on use so
// that a language switch only has to ask again.
struct Section
{
    QString id;
    const char *title;       // context "Sections", unless the row says otherwise
    const char *description; // context "Sections"
    QString iconPath;
    // The least role that may open the section ("viewer", "user", "admin");
    // empty: anyone signed in (and the page's own signed-out state).
    QString requiredRole;
    // The server feature (GET /version `features`) the section needs; empty:
    // none. A server that lacks it gets "needs a newer server" instead.
    QString requiredFeature;

    QString translatedTitle() const;
    QString translatedDescription() const;
};

// What a section's factory may use: the shell's connection, language and
// theme, and the shell itself for moving between sections.
struct SectionContext
{
    ServerConnection *connection = nullptr;
    LanguageManager *languages = nullptr;
    ThemeManager *themes = nullptr;
    bool persistSettings = true;
    SectionHost *host = nullptr;
};

using SectionFactory = std::function<SectionPage *(const SectionContext &, QWidget *parent)>;

// A row of the section table: the section and how its page is made.
struct SectionEntry
{
    Section section;
    SectionFactory factory;
};

// The section table in navigation order: the built-in rows
// (shell/SectionTable.cpp) and any added by registerSection().
const QList<SectionEntry> &sectionTable();
// Adds a row (at `position`, or last); for windows made afterwards. False if
// the id is taken.
bool registerSection(SectionEntry entry, int position = -1);
// Removes a row added by registerSection (tests, plug-ins).
bool unregisterSection(const QString &id);

// The sections in navigation order.
QList<Section> sections();
// The section with that id, or nullptr (valid until the table changes).
const Section *findSection(const QString &id);

// The built-in rows, in navigation order (shell/SectionTable.cpp).
QList<SectionEntry> builtInSections();

} // namespace hm::app
