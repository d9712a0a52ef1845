#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::app {

// One problem of the flow being edited, as the Problems list and the node
// badges show it. Problems come from the editor's own checks (FlowChecker,
// which runs hivemind_flow's compile() and a few checks of its own) or from
// the server's INVALID_FLOW_DEFINITION answer; both use the codes of
// core/flow/FlowProblem.h, so one text serves both.
struct EditorProblem
{
    enum class Severity
    {
        Error,   // the server refuses the flow
        Warning, // it runs, but probably not as meant
    };
    enum class Origin
    {
        Editor,
        Server,
    };

    Severity severity = Severity::Error;
    Origin origin = Origin::Editor;
    QString code;        // INVALID_CONFIG, MISSING_REQUIRED_INPUT, ...
    QString message;     // translated, a whole sentence
    QString node;        // the node to select, if any
    QString edge;        // the connection concerned, if any
    QString input;       // mapping problems: the input
    QString path;        // config problems: "config.quality"
    QString setting;     // settings problems: "concurrency.maxInstances"
    QJsonObject details; // the problem as compile() or the server wrote it

    // Which inspector tab fixes it.
    enum class Place
    {
        None,
        Config,
        Inputs,
        Settings,
    };
    Place place() const;

    // Two problems that say the same thing about the same element (the
    // editor's and the server's copy of one problem).
    QString key() const;
    bool operator==(const EditorProblem &) const = default;
};

// Translates the problems compile() and the server report.
class ProblemText
{
    Q_DECLARE_TR_FUNCTIONS(hm::app::ProblemText)

public:
    // A problem object {code, message, node?, edge?, ...} as it appears in
    // details.problems, with its message in the user's language (the
    // server's English message when the code is one this build does not
    // know).
    // `configSchema`: the schema of the node's component, for the numbers and
    // names INVALID_CONFIG messages mention (read from the message without
    // it).
    static EditorProblem fromJson(const QJsonObject &problem, EditorProblem::Origin origin,
                                  const QJsonObject &configSchema = {});
    // Every problem of an INVALID_FLOW_DEFINITION error's details
    // ({"problems": [...]}); the whole error envelope, its "error" member, a
    // save's answer (the envelope's "data": a draft stored with its
    // problems) or a bare problems array are read too.
    static QList<EditorProblem> fromDetails(const QJsonValue &details,
                                            EditorProblem::Origin origin);
    // The problems array inside those forms.
    static QJsonArray problemArray(const QJsonValue &details);
    static QString severityText(EditorProblem::Severity severity);
    static QString originText(EditorProblem::Origin origin);
};

} // namespace hm::app
