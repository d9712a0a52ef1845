<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>HiveMind console: design, run and watch workflows and your fleet.</source>
        <translation>HiveMind 控制台：设计、运行并监控工作流与您的机群。</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>用户界面语言：%1。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>本地服务器的数据目录（默认：%1）。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>不使用系统钥匙串存放主密钥，改用密钥文件。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>服务器响应后，将主窗口画面保存为此 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>启动时显示的栏目：%1。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的语言“%1”；请选择：%2。</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的栏目“%1”；请选择：%2。</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>没有数据目录；请用 --data-dir 指定。</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>本 HiveMind 安装的概览。</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>以组件图设计的工作流，及其版本、触发方式与共享设置。</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>流程的每一次执行，实时呈现每个节点的状态、输入与输出。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>组成流程的内置组件与 HTTP 组件目录。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>从 OpenAPI 文档导入的外部 REST 服务，及其端点与模式定义。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>供流程与服务使用的加密凭据；可以替换，但不会再次显示。</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>运行 HiveMind 代理的服务器与工作机器，及其指标、进程与终端。</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>连接机群的 WireGuard 服务器与客户端、地址池及 BGP 会话。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>告警规则、通知渠道，以及已触发告警的历史记录。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>审计与日志</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>谁在何时更改了什么，以及服务器日志，均可搜索与导出。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>账号、角色、API 密钥与双因素认证。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>服务器配置、备份与集群设置。</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>another HiveMind server is using the data directory %1</source>
        <translation>另一个 HiveMind 服务器正在使用数据目录 %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>要监听的端口已被其他程序占用</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>主密钥无法打开 %1 中的数据库</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>%1 中的数据库已损坏，请从备份恢复</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>尚未配置主密钥</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>无法连接到服务器</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器未在时限内响应</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>服务器当前不可用</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>无法读取服务器的组件列表。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1，版本 %2。拖到画布上即可添加。</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>搜索组件</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已注册</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>请输入名称，以及以 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>无（普通 HTTP）</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>无法使用该服务器：%1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>服务器已响应（状态：%1）。</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — 与该配置文件记住的证书不同（%2）</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>验证服务器的 TLS 证书(&amp;V)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>服务器已响应，状态正常。</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>服务器已响应，但报告性能降级。</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Activity overview</source>
        <translation>活动概览</translation>
    </message>
    <message>
        <source>Running executions, node health, VPN status and recent alerts will be summarised here.</source>
        <translation>运行中的流程、节点健康状况、VPN 状态与最近的告警将汇总于此。</translation>
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
        <translation>性能降级</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>已打开（已加密）</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>正在启动本地服务器…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>本地 — 服务器在此控制台内运行</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>共享 — 已在此数据目录上运行的服务器</translation>
    </message>
</context>
<context>
    <name>hm::app::EmptyStatePage</name>
    <message>
        <source>This section is not available yet in HiveMind %1.</source>
        <translation>HiveMind %1 尚未提供此栏目。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
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
            <numerusform>已用 %1 排列 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
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
        <translation>剪切</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>剪切所选节点</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>复制所选节点</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>从剪贴板粘贴节点</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>为所选节点创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>删除所选节点和连线</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>选择所有节点</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>添加节点…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>搜索组件并添加到指针所在处</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大视图</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小视图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>显示整个流程</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>缩放到所选内容</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>显示所选节点</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>对齐网格</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>将移动和新增的节点对齐网格</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>从左到右排列所有节点</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>流程编辑器</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>粘贴的文本不是流程节点：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>粘贴的文本不是流程节点：其中没有节点列表。</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>粘贴的节点无效：%1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>粘贴的节点重复使用了 ID“%1”。</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>粘贴的文本中没有任何节点。</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>粘贴的某条连接指向节点“%1”，但该节点不在粘贴的内容中。</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>粘贴的连接构成了循环。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>无法打开流程定义：%1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>流程设置无效：%1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>流程定义重复使用了节点 ID“%1”。</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>流程定义重复使用了连接 ID“%1”。</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>无法打开流程定义：内容不是对象。</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>找不到节点“%1”。</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>节点“%1”没有输出“%2”。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>节点“%1”没有输入“%2”。</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>输出“%1”提供 %2，但输入“%3”需要 %4。</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>这两个端口已经连接。</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>节点“%2”的输入“%1”已由节点“%3”提供。</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>这条连接会形成循环：%1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>节点必须指定组件。</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>应用布局</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>找不到连接“%1”。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>更改配置</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>更改输入映射</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>输入映射必须指定输入名称。</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>更改流程设置</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
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
        <translation>服务器不认识组件 %1。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>服务器没有 %1 的 %2 版本。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>内置分层布局</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>概览：单击即移到该处</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>请先选择要缩放查看的节点。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>请先选择要复制的节点。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>已复制 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>请先选择要剪切的节点。</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>剪贴板中没有节点。</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>请先选择要创建副本的节点。</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>已粘贴 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>尚无已知组件：请先连接到服务器。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>此流程还没有节点</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>从组件面板拖动组件到这里，或按 %1 键、直接输入名称来添加。</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>导航侧栏(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>状态栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>刷新服务器状态(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>关于 HiveMind(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>服务器故障：%1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>服务器版本未知</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>About HiveMind</source>
        <translation>关于 HiveMind</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.&lt;/p&gt;&lt;p&gt;This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;自托管的运维平台：设计工作流、交由服务器的调度器运行、通过 WireGuard 连接机群，并将所有机密加密保存。&lt;/p&gt;&lt;p&gt;此控制台是 HiveMind 服务器的客户端；在本地模式下，它在同一进程内以环回地址的端口运行服务器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>数据目录正被占用</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>另一个 HiveMind 服务器（进程 %1）正在使用数据目录 %2。</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>无法获知它的地址。请停止该服务器，或使用其他 --data-dir 启动控制台。</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>要改为连接到位于 %1 的该服务器吗？</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>没有可用的密钥环，因此不会保存本次登录：在控制台关闭前保持登录，下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; change it after signing in.</source>
        <translation>首次启动：本地服务器已创建管理员账号。其密码为自动生成并保存在 %1；登录后请修改密码。</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>已登录：%1（%2），仅限本次会话</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>添加服务器(&amp;A)…</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>切换服务器(&amp;W)</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>添加组件…</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>一次性验证码错误或已过期。请输入身份验证器应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>用户名、电子邮件地址或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>失败次数过多：登录已锁定至 %1。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>失败次数过多：登录已暂时锁定，请稍后再试。</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>该账号已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>该账号尚未激活。</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>登录超时，请重新输入密码。</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>用户名或电子邮件(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>一次性验证码(&amp;O)：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>身份验证器应用中的 6 位数字</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
