<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>HiveMind console: design, run and watch workflows and your fleet.</source>
        <translation>HiveMind 主控台：設計、執行並監看工作流程與您的機群。</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>使用者介面語言：%1。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>本機伺服器的資料目錄（預設：%1）。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>不使用系統鑰匙圈存放主金鑰，改用金鑰檔案。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>伺服器回應後，將主視窗畫面存成此 PNG 檔案，然後結束。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>啟動時顯示的區塊：%1。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的語言「%1」；請選擇：%2。</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的區塊「%1」；請選擇：%2。</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>沒有資料目錄；請以 --data-dir 指定。</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>這套 HiveMind 安裝的總覽。</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>以元件圖設計的工作流程，及其版本、觸發方式與共用設定。</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>流程的每一次執行，即時呈現每個節點的狀態、輸入與輸出。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>組成流程的內建元件與 HTTP 元件目錄。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>從 OpenAPI 文件匯入的外部 REST 服務，及其端點與結構描述。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>認證</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>供流程與服務使用的加密機密；可以替換，但不會再次顯示。</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>執行 HiveMind 代理程式的伺服器與工作機器，及其指標、行程與終端機。</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>串連機群的 WireGuard 伺服器與用戶端、位址池及 BGP 工作階段。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>告警規則、通知管道，以及已觸發告警的歷史紀錄。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>稽核與日誌</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>誰在何時變更了什麼，以及伺服器日誌，皆可搜尋與匯出。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>帳號、角色、API 金鑰與雙重驗證。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>伺服器組態、備份與叢集設定。</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>another HiveMind server is using the data directory %1</source>
        <translation>另一個 HiveMind 伺服器正在使用資料目錄 %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>要監聽的連接埠已被其他程式占用</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>主金鑰無法開啟 %1 中的資料庫</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>%1 中的資料庫已損壞，請從備份還原</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>尚未設定主金鑰</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>無法連線到伺服器</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>伺服器未在時限內回應</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>伺服器目前無法使用</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>無法讀取伺服器的元件清單。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1，版本 %2。拖曳到畫布上即可加入。</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>搜尋元件</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已註冊</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>請輸入名稱，以及 http:// 或 https:// 開頭的位址。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在檢查…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>無（一般 HTTP）</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>無法使用此伺服器：%1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>伺服器有回應（狀態：%1）。</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — 與此設定檔記住的憑證不同（%2）</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>新增伺服器</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>驗證伺服器的 TLS 憑證(&amp;V)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>憑證：</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未檢查</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>檢查(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>伺服器有回應，狀態正常。</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>伺服器有回應，但回報效能降級。</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>伺服器版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>資料目錄</translation>
    </message>
    <message>
        <source>Activity overview</source>
        <translation>活動總覽</translation>
    </message>
    <message>
        <source>Running executions, node health, VPN status and recent alerts will be summarised here.</source>
        <translation>執行中的流程、節點健康狀況、VPN 狀態與最近的告警將彙整於此。</translation>
    </message>
    <message>
        <source>Not available yet in HiveMind %1.</source>
        <translation>HiveMind %1 尚未提供此功能。</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>效能降級</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>已開啟（已加密）</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>無法使用</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>正在啟動本機伺服器…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>本機 — 伺服器在此主控台內執行</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在連線到伺服器…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>共用 — 已在此資料目錄上執行的伺服器</translation>
    </message>
</context>
<context>
    <name>hm::app::EmptyStatePage</name>
    <message>
        <source>This section is not available yet in HiveMind %1.</source>
        <translation>HiveMind %1 尚未提供此區塊。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>字串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>number</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布林值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>object</source>
        <translation>物件</translation>
    </message>
    <message>
        <source>array</source>
        <translation>陣列</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorWidget</name>
    <message numerus="yes">
        <source>Arranged %n node(s) with %1.</source>
        <translation>
            <numerusform>已用 %1 排列 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>復原：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪下</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>剪下選取的節點</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>複製選取的節點</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>從剪貼簿貼上節點</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>再製</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>再製選取的節點</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>刪除選取的節點與連線</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全選</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>選取所有節點</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>加入節點…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>搜尋元件並加到游標所在處</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大檢視</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小檢視</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部顯示</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>顯示整個流程</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>縮放至選取範圍</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>顯示選取的節點</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>對齊格線</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>將移動與新增的節點對齊格線</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>自動排列</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>由左至右排列所有節點</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>流程編輯器</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>貼上的文字不是流程節點：%1（位於第 %2 個字元）。</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>貼上的文字不是流程節點：其中沒有節點清單。</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>貼上的節點無效：%1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>貼上的節點重複使用了 ID「%1」。</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>貼上的文字中沒有任何節點。</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>貼上的某條連線指向節點「%1」，但該節點不在貼上的內容中。</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>貼上的連線構成了循環。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>無法開啟流程定義：%1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>流程設定無效：%1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>流程定義重複使用了節點 ID「%1」。</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>流程定義重複使用了連線 ID「%1」。</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>無法開啟流程定義：內容不是物件。</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>找不到節點「%1」。</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>節點不能連接到自己。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>節點「%1」沒有輸出「%2」。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>節點「%1」沒有輸入「%2」。</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>輸出「%1」提供 %2，但輸入「%3」需要 %4。</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>這兩個連接埠已經連接。</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>節點「%2」的輸入「%1」已由節點「%3」提供。</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>這條連線會形成循環：%1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>節點必須指定元件。</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>新增節點</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>套用版面配置</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連接</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>找不到連線「%1」。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>中斷連接</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>變更組態</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>變更輸入對應</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>輸入對應必須指定輸入名稱。</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>變更流程設定</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowItems</name>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1（%2，必填）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The component %1 is not known to the server.</source>
        <translation>伺服器不認得元件 %1。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>伺服器沒有 %1 的 %2 版。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>內建分層排列</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>總覽：點一下即移至該處</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>請先選取要縮放檢視的節點。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>請先選取要複製的節點。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>已複製 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>請先選取要剪下的節點。</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>剪貼簿中沒有節點。</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>請先選取要再製的節點。</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>已貼上 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>尚無任何已知元件：請先連線到伺服器。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>加入 %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>此流程尚無節點</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>從元件面板拖曳元件到這裡，或按 %1 鍵、直接輸入名稱來加入。</translation>
    </message>
</context>
<context>
    <name>hm::app::MainWindow</name>
    <message>
        <source>HiveMind</source>
        <translation>HiveMind</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>導覽側欄(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>狀態列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>重新整理伺服器狀態(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>關於 HiveMind(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已連線至 %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>伺服器失敗：%1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>伺服器版本未知</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>伺服器 %1</translation>
    </message>
    <message>
        <source>About HiveMind</source>
        <translation>關於 HiveMind</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.&lt;/p&gt;&lt;p&gt;This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;自架的維運平台：設計工作流程、交由伺服器的排程器執行、透過 WireGuard 串連機群，並將所有機密加密保存。&lt;/p&gt;&lt;p&gt;此主控台是 HiveMind 伺服器的用戶端；在本機模式下，它會在同一程序內以回送位址的連接埠執行伺服器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>資料目錄使用中</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>另一個 HiveMind 伺服器（處理程序 %1）正在使用資料目錄 %2。</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>無法得知它的位址。請停止該伺服器，或以其他 --data-dir 啟動主控台。</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>要改為連線到位於 %1 的這個伺服器嗎？</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>沒有可用的鑰匙圈，因此不會儲存這次登入：在主控台關閉前保持登入，下次啟動時需要重新登入。</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; change it after signing in.</source>
        <translation>首次啟動：本機伺服器已建立管理員帳號。其密碼為自動產生並儲存於 %1；登入後請變更密碼。</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>登入(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>檢視者</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>尚未登入</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>已登入：%1（%2），僅限本次工作階段</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登入：%1（%2）</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>本機伺服器</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>新增伺服器(&amp;A)…</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>切換伺服器(&amp;W)</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>加入元件…</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>一次性驗證碼錯誤或已過期。請輸入驗證器應用程式目前顯示的驗證碼。</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>使用者名稱、電子郵件地址或密碼錯誤。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>失敗次數過多：登入已鎖定至 %1。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>失敗次數過多：登入已暫時鎖定，請稍後再試。</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>此帳號已停用，請洽詢管理員。</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>此帳號尚未啟用。</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>登入逾時，請重新輸入密碼。</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登入失敗：%1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>登入 %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>使用者名稱或電子郵件(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>一次性驗證碼(&amp;O)：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>驗證器應用程式中的 6 位數字</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>驗證(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登入(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
