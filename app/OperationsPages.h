#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace hm::app {

class LanguageManager;
class ServerConnection;
class ThemeManager;

// The shell's side of app/operations: makes the Dashboard, Audit & Logs and
// Settings pages and keeps them following the connection, the signed-in
// user (and role) and the language. Null for other sections.
struct OperationsContext
{
    ServerConnection *connection = nullptr;
    LanguageManager *languages = nullptr;
    bool persistSettings = true;
    std::function<void(const QString &executionId)> openExecution;
    // The theme the Settings page's theme row switches (View > Theme's).
    ThemeManager *themes = nullptr;
};
QWidget *createOperationsPage(const QString &sectionId, const OperationsContext &context,
                              QWidget *parent);

} // namespace hm::app
