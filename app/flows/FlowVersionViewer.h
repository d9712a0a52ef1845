#pragma once

#include "common/Result.h"
#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowDiff.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

namespace hm::app {

class FlowEditorWidget;
class FlowGraphModel;

// An old version of a flow, or the difference between two, shown in the
// flow editor's read-only mode (FlowEditorWidget::setReadOnly) over a model
// of its own, so the draft being edited next to it is never touched.
//
// A banner says what is shown ("flows.versionViewer.banner"), with
// "Restore as Draft" ("flows.versionViewer.restore", one version only) and
// "Back to the Draft" ("flows.versionViewer.close"). In a diff, the canvas
// draws the newer side with the removed nodes and connections put back,
// each node and connection marked added, removed or changed (colour, a sign
// and a legend, "flows.versionViewer.legend"), and the side list
// ("flows.versionViewer.changes") names every change — per node its config,
// mapping and other differences, connections, the flow settings; choosing
// an entry selects and centres its node.
class FlowVersionViewer final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        None,
        Version,
        Diff
    };

    explicit FlowVersionViewer(QWidget *parent = nullptr);
    ~FlowVersionViewer() override;

    void setCatalogue(const ComponentCatalogue &catalogue);

    // One version, read-only. `canRestore`: the reader may edit the flow.
    Status showVersion(const QString &flowName, const QString &version, const QString &author,
                       const QDateTime &savedAt, const QJsonObject &definition,
                       const QJsonObject &settings, bool canRestore);
    // What changed from version `before` to version `after` (an empty
    // version: the draft being edited), named so in the banner.
    Status showDiff(const QString &beforeVersion, const QJsonObject &beforeDefinition,
                    const QJsonObject &beforeSettings, const QString &afterVersion,
                    const QJsonObject &afterDefinition, const QJsonObject &afterSettings);
    void clear();

    Mode mode() const { return m_mode; }
    QString version() const { return m_version; }
    const FlowDiff &diff() const { return m_diff; }
    FlowEditorWidget *editor() const { return m_editor; }
    FlowGraphModel *model() const { return m_model; }
    QTreeWidget *changesList() const { return m_changes; }
    QString bannerText() const;
    QString legendText() const;

signals:
    void restoreRequested(const QString &version);
    void closeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    Status loadDocument(const QJsonObject &definition, const QJsonObject &settings);
    void markDiff();
    void fillChanges();
    void focusChange(QTreeWidgetItem *item);
    void retranslate();

    FlowGraphModel *m_model;
    FlowEditorWidget *m_editor;
    QLabel *m_banner;
    QPushButton *m_restore;
    QPushButton *m_close;
    QWidget *m_side;
    QLabel *m_legend;
    QLabel *m_summary;
    QTreeWidget *m_changes;
    QSplitter *m_splitter;

    Mode m_mode = Mode::None;
    QString m_flowName;
    QString m_version;
    QString m_author;
    QDateTime m_savedAt;
    bool m_canRestore = false;
    QString m_beforeVersion;
    QString m_afterVersion;
    FlowDiff m_diff;
    QStringList m_removedEdges;
};

} // namespace hm::app
