"""Builds skills.json, the skills taxonomy the local parser matches against.

Run `python analysis/parsing/data/build_skills.py` after editing the lists below. Each entry is
"Canonical Name|alias|alias"; a leading "=" marks a name that is also an ordinary word
("Go", "R", "Swift", "Excel"), matched only as written and never lower-cased, and so are the
forms listed in COMMON_WORDS ("words" in the JSON: in running prose they do not count at the
start of a sentence, where any word is capitalised) and short acronyms ("SAN", "REST"). Vendor families
(AWS, Azure and Google Cloud services, Apache projects, ...) are expanded from product lists.
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "skills.json"

LANGUAGES = """
Python|py|python3; Java; JavaScript|JS|ECMAScript|ES6|ES2015; TypeScript|TS; =Go|Golang; =Rust;
C++|cpp|c plus plus; C#|csharp|c sharp; =C|ANSI C; Ruby; PHP; =Swift; Kotlin; Scala; =R|R language;
Objective-C|objc; Perl; Lua; Haskell; Erlang; Elixir; Clojure; F#|fsharp; OCaml; =Dart; =Julia;
MATLAB; Fortran; COBOL; Pascal; Delphi; Visual Basic|VB; VB.NET; VBA; Assembly|asm|x86 assembly;
Bash|bash scripting; Shell Scripting|shell script|shell scripts|sh; PowerShell; Zsh; Groovy; =Elm;
=Crystal; =Nim; Zig; Solidity; SQL|structured query language; PL/SQL|plsql; T-SQL|tsql|transact-sql;
HTML|HTML5; CSS|CSS3; Sass|SCSS; =Less; GraphQL; Lisp|Common Lisp; =Scheme; Racket; Prolog; Ada;
ABAP; Apex; Smalltalk; Tcl; AWK; sed; COBOL; Verilog; VHDL; SystemVerilog; CUDA; OpenCL; GLSL; HLSL;
WebAssembly|wasm; Haxe; ActionScript; CoffeeScript; Hack; Raku; =Mojo; Vala; =D language;
Gleam; PureScript; ReasonML; ReScript; Idris; Agda; Coq; Lean 4|Lean prover; Modula-2; APL; J language; SAS;
Stata; SPSS; Scratch; LabVIEW; Ladder Logic; Structured Text; Apache Groovy; Jsonnet; HCL; Starlark;
Cypher; SPARQL; XQuery; XSLT; XPath; Regex|regular expressions; Markdown; LaTeX; YAML; JSON; XML; TOML;
Protocol Buffers|protobuf|protobufs; Avro; Thrift; Bicep; Nix; Q#; Ballerina; Chapel; Pony; Elixir
"""

FRAMEWORKS = """
Django; Flask; FastAPI; Pyramid; Tornado; aiohttp; Starlette; Celery; SQLAlchemy; Pydantic;
Django REST Framework|DRF|django rest; Channels|django channels; Jinja|Jinja2; Scrapy; Streamlit;
Dash|plotly dash; Gradio; =Spring|Spring Framework; Spring Boot|springboot; Spring Cloud; Spring MVC;
Hibernate; Jakarta EE|Java EE|J2EE; Quarkus; Micronaut; Vert.x; Dropwizard; Play Framework; Akka;
Struts; JSF; Vaadin; Grails; Ktor; React|React.js|ReactJS; React Native; Next.js|NextJS;
Vue.js|Vue|VueJS; Nuxt.js|Nuxt; Angular|Angular 2+; AngularJS; Svelte; SvelteKit; SolidJS; Ember.js|Ember;
Backbone.js|Backbone; jQuery; Redux; MobX; Zustand; RxJS; Node.js|Node|NodeJS; =Express|Express.js|ExpressJS;
NestJS|Nest.js; Koa; Hapi; Fastify; Meteor; Remix; Gatsby; Astro; Qwik; Preact; Alpine.js; htmx;
Lit Element|LitElement; Stencil; Three.js; D3.js|D3; Chart.js; Highcharts; Leaflet; Mapbox; Bootstrap; Tailwind CSS|Tailwind|TailwindCSS;
Material UI|MUI; Chakra UI; Ant Design; Bulma; Foundation CSS; Styled Components|styled-components;
Emotion CSS; Webpack; Vite; Rollup; Parcel; esbuild; Babel; Gulp; Grunt; Lodash; Moment.js; Axios;
Socket.IO|socket.io; Electron; Tauri; Ionic; Cordova; Capacitor; Flutter; Xamarin; .NET MAUI|MAUI;
.NET|dotnet|.NET Core|dot net; ASP.NET|ASP.NET Core|ASP.NET MVC; Entity Framework|EF Core; Blazor; WPF;
WinForms|Windows Forms; LINQ; SignalR; Unity|Unity3D; Unreal Engine|UE4|UE5; Godot; Ruby on Rails|Rails|RoR;
Sinatra; Hanami; Laravel; Symfony; CodeIgniter; CakePHP; Yii; Zend Framework|Laminas; Slim Framework;
WordPress; Drupal; Joomla; Magento; Shopify; WooCommerce; Phoenix Framework|Phoenix; Gin; Echo framework;
Fiber; Beego; Actix; Rocket; Axum; Tokio; Qt; GTK; wxWidgets; Boost; STL; OpenGL; Vulkan; DirectX; Apple Metal|Metal API;
SwiftUI; UIKit; Jetpack Compose; Android SDK; Cocoa; Apple Combine|Combine framework; RxJava; Retrofit; Dagger; Hilt; Android Room|Room Persistence Library;
Core Data; GraphQL Apollo|Apollo|Apollo GraphQL; Relay; gRPC; tRPC; Prisma; TypeORM; Sequelize; Mongoose;
Knex.js|Knex; Drizzle ORM; MyBatis; jOOQ; Dapper; Hugo; Jekyll; Eleventy; Storybook; Redux Saga;
React Query|TanStack Query; SWR; Formik; React Hook Form; Zod; Joi; Yup; Immer; Deno; Bun; Hono;
OpenAPI|Swagger; JAX-RS; JAX-WS; Apache Camel; MuleSoft; Spring Batch; Spring Security; Passport.js;
NumPy|numpy; pandas|Pandas; SciPy; Matplotlib; Seaborn; Plotly; Bokeh; Polars; Dask; Ray; Numba; Cython
"""

DATABASES = """
PostgreSQL|Postgres|psql|PostgresSQL; MySQL; MariaDB; SQLite; Oracle Database|Oracle DB|Oracle RDBMS;
Microsoft SQL Server|SQL Server|MSSQL|MS SQL; MongoDB|Mongo; Redis; Memcached; Cassandra|Apache Cassandra;
ScyllaDB; Couchbase; CouchDB; DynamoDB|Amazon DynamoDB; Elasticsearch|Elastic Search|ES cluster; OpenSearch;
Solr|Apache Solr; Neo4j; ArangoDB; JanusGraph; Amazon Neptune; InfluxDB; TimescaleDB; Prometheus TSDB;
ClickHouse; Snowflake; BigQuery|Google BigQuery; Amazon Redshift|Redshift; Azure Synapse|Synapse Analytics;
Databricks; Teradata; Vertica; Greenplum; Apache Druid|Druid; Apache Pinot|Pinot; CockroachDB; YugabyteDB;
TiDB; Vitess; PlanetScale; Supabase; Firebase; Firestore; Realm; IndexedDB; LevelDB; RocksDB; etcd;
Consul KV; HBase|Apache HBase; Apache Hive|Hive; Apache Impala|Impala; Presto; Trino; DuckDB;
pgvector; Pinecone; Weaviate; Milvus; Qdrant; Chroma|ChromaDB; FAISS; Sybase; IBM Db2|DB2; Informix;
Microsoft Access|MS Access; FileMaker; SAP HANA|HANA; Oracle PL/SQL; Aurora|Amazon Aurora; Cosmos DB|Azure Cosmos DB;
Bigtable|Cloud Bigtable; Cloud Spanner|Spanner; Cloud SQL; Memgraph; Dgraph; FaunaDB; SurrealDB;
Riak; Aerospike; Hazelcast; Apache Ignite; Oracle Exadata; Netezza; Exasol; SingleStore|MemSQL; Neon;
database design; data modeling|data modelling; query optimization|query tuning; database administration|DBA;
stored procedures; ETL|extract transform load; ELT; data warehousing|data warehouse; OLAP; OLTP; sharding;
replication; indexing strategies; normalization
"""

CLOUD_DEVOPS = """
Amazon Web Services|AWS; Microsoft Azure|Azure; Google Cloud Platform|GCP|Google Cloud; IBM Cloud;
Oracle Cloud|OCI; Alibaba Cloud; DigitalOcean; Heroku; Vercel; Netlify; Cloudflare; Linode|Akamai Cloud;
OpenStack; VMware|vSphere|ESXi; Proxmox; Hyper-V; Docker|containers; Docker Compose|docker-compose;
Kubernetes|k8s|kube; Helm; Kustomize; OpenShift; Rancher; k3s; Nomad; Docker Swarm; Podman; containerd;
Istio; Linkerd; Envoy; Consul; Vault|HashiCorp Vault; Terraform; Terragrunt; Pulumi; CloudFormation|AWS CloudFormation;
AWS CDK|CDK; Ansible; =Chef; =Puppet; SaltStack|Salt; Packer; Vagrant; Jenkins; GitHub Actions;
GitLab CI|GitLab CI/CD; CircleCI; Travis CI; TeamCity; Bamboo; Azure DevOps|Azure Pipelines|VSTS;
Argo CD|ArgoCD; Argo Workflows; Flux|FluxCD; Spinnaker; Tekton; Drone CI; Buildkite; Octopus Deploy;
CI/CD|CI CD|continuous integration|continuous delivery|continuous deployment; GitOps; DevOps; DevSecOps;
Site Reliability Engineering|SRE; Infrastructure as Code|IaC; Prometheus; Grafana; Loki; Tempo; Jaeger;
Zipkin; OpenTelemetry|OTel; Datadog; New Relic; Dynatrace; AppDynamics; Splunk; ELK Stack|ELK|Elastic Stack;
Logstash; Kibana; Fluentd; Fluent Bit; Graylog; Sentry; PagerDuty; Opsgenie; Nagios; Zabbix; Icinga;
Sumo Logic; Honeycomb; Nginx|NGINX; Apache HTTP Server|Apache httpd; HAProxy; Traefik; Caddy; Tomcat|Apache Tomcat;
Jetty; WildFly|JBoss; WebLogic; WebSphere; IIS; Gunicorn; uWSGI; Uvicorn; Daphne; Kafka|Apache Kafka;
RabbitMQ; ActiveMQ; Apache Pulsar|Pulsar; NATS; ZeroMQ|ZMQ; Amazon SQS|SQS; Amazon SNS|SNS; Amazon Kinesis|Kinesis;
Google Pub/Sub|Pub/Sub|PubSub; Azure Service Bus; Azure Event Hubs; Confluent; Kafka Streams; Celery Beat;
serverless|serverless architecture; microservices|micro-services|microservice architecture; service mesh;
load balancing; autoscaling|auto-scaling; high availability; disaster recovery; observability; monitoring;
incident management; capacity planning; chaos engineering; blue-green deployment; canary releases;
Git; GitHub; GitLab; Bitbucket; Subversion|SVN; Mercurial; Perforce; Artifactory|JFrog Artifactory; Nexus|Sonatype Nexus;
SonarQube; Maven; Gradle; Ant build|Apache Ant; Make|GNU Make|Makefile; CMake; Bazel; Buck; Ninja build;
npm; Yarn; pnpm; pip; Poetry; Conda|Anaconda; virtualenv; uv package manager; Cargo; NuGet; Composer;
Homebrew; Linux|GNU/Linux; Ubuntu; Debian; CentOS; Red Hat Enterprise Linux|RHEL|Red Hat; Fedora; Alpine Linux;
Arch Linux; SUSE|openSUSE; Unix; FreeBSD; macOS|Mac OS|OS X; Windows Server; Windows; Active Directory|AD DS;
Azure Active Directory|Azure AD|Entra ID; LDAP; Kerberos; DNS; DHCP; TCP/IP|TCP IP; HTTP|HTTPS; HTTP/2; WebSockets|WebSocket;
REST|RESTful|REST APIs|RESTful APIs|REST API; SOAP; gRPC streaming; MQTT; AMQP; VPN; BGP; OSPF; VLAN; SD-WAN;
firewalls; Cisco IOS; Juniper Junos; Wireshark; tcpdump; Networking|computer networking; CDN; Akamai;
Fastly; systemd; cron; SSH; rsync; Samba; NFS; iSCSI; SAN; NAS; ZFS; LVM; RAID; Ceph; GlusterFS; MinIO;
Backstage; Crossplane; Karpenter; KEDA; Knative; OpenFaaS; Cloud Foundry; Mesos|Apache Mesos; Marathon
"""

AWS_SERVICES = """EC2|S3|Lambda|RDS|ECS|EKS|Fargate|CloudFront|Route 53|IAM|VPC|CloudWatch|CloudTrail|
API Gateway|Step Functions|EventBridge|Glue|Athena|EMR|SageMaker|Bedrock|Cognito|Elastic Beanstalk|
ElastiCache|Secrets Manager|KMS|Systems Manager|CodePipeline|CodeBuild|CodeDeploy|CodeCommit|Amplify|
AppSync|Batch|Lightsail|Direct Connect|Transit Gateway|WAF|Shield|GuardDuty|Security Hub|Inspector|
Macie|Config|Organizations|Control Tower|Backup|Storage Gateway|EFS|FSx|Glacier|Snowball|DataSync|
DMS|Lake Formation|QuickSight|MSK|MQ|OpenSearch Service|DocumentDB|Keyspaces|Timestream|QLDB|IoT Core|
Greengrass|Rekognition|Comprehend|Textract|Transcribe|Polly|Translate|Lex|Personalize|Forecast|
Kendra|Connect|Pinpoint|SES|WorkSpaces|AppStream|Outposts|Wavelength|Local Zones|Savings Plans|
Cost Explorer|Trusted Advisor|X-Ray|App Runner|Proton|Copilot|SAM|Chalice|Elastic Load Balancing|ALB|NLB|
Auto Scaling|Certificate Manager|Directory Service|Single Sign-On|Identity Center|Well-Architected"""

AZURE_SERVICES = """Functions|App Service|Kubernetes Service|AKS|Container Instances|Container Apps|Blob Storage|
SQL Database|Data Factory|Databricks|Machine Learning|Cognitive Services|OpenAI Service|Key Vault|Monitor|
Application Insights|Log Analytics|Sentinel|Defender|Policy|Resource Manager|ARM Templates|Virtual Machines|
Virtual Network|Load Balancer|Front Door|API Management|Logic Apps|Event Grid|Stream Analytics|HDInsight|
Data Lake Storage|Purview|Fabric|Cache for Redis|Storage Queues|Static Web Apps|Spring Apps|Batch|
Bastion|Firewall|ExpressRoute|VPN Gateway|Traffic Manager|CDN|DevTest Labs|Arc|Stack|Backup|Site Recovery|
Cost Management|Notification Hubs|SignalR Service|IoT Hub|Digital Twins|Maps|Bot Service|Search|AI Search"""

GCP_SERVICES = """Compute Engine|Cloud Storage|Cloud Functions|Cloud Run|App Engine|GKE|Kubernetes Engine|
Dataflow|Dataproc|Composer|Vertex AI|AI Platform|Cloud Build|Cloud Deploy|Artifact Registry|Container Registry|
Cloud Monitoring|Cloud Logging|Stackdriver|Cloud IAM|Cloud KMS|Secret Manager|Cloud DNS|Cloud CDN|
Cloud Load Balancing|Cloud Armor|Cloud NAT|Cloud Interconnect|Memorystore|Filestore|Cloud Tasks|
Cloud Scheduler|Workflows|Eventarc|Looker|Looker Studio|Data Studio|Dataplex|Data Catalog|Dataform|
Anthos|Apigee|Firebase Hosting|Cloud Endpoints|Security Command Center|Chronicle|Document AI|Vision AI|
Speech-to-Text|Text-to-Speech|Translation AI|Natural Language AI|Recommendations AI|BigQuery ML|AlloyDB"""

APACHE = """Spark|Hadoop|Flink|Beam|Airflow|NiFi|Storm|Zookeeper|ZooKeeper|Iceberg|Hudi|Parquet|ORC|Arrow|
Superset|Zeppelin|Livy|Oozie|Sqoop|Flume|Pig|Kylin|Samza|Tez|Ranger|Atlas|Knox|Ambari|Mahout|
Lucene|Tika|PDFBox|POI|Commons|Struts|Wicket|Tapestry|Velocity|Freemarker|CXF|Axis2|ServiceMix|
Karaf|Felix|Sling|Jackrabbit|OpenNLP|UIMA|cTAKES|SystemML|MXNet|TVM|SINGA|Hama|Giraph|Crunch|
Gobblin|Griffin|Doris|Kyuubi|Paimon|Seatunnel|DolphinScheduler|ShardingSphere|Dubbo|RocketMQ|
ServiceComb|SkyWalking|APISIX|Pekko|Geode|CarbonData|Kudu|Phoenix|Accumulo|Bookkeeper|Curator|Helix"""

DATA_ML = """
Machine Learning|ML; Deep Learning|DL; Artificial Intelligence|AI; Natural Language Processing|NLP;
Computer Vision|CV models; Reinforcement Learning|RL; Generative AI|GenAI; Large Language Models|LLMs|LLM;
Prompt Engineering; Retrieval-Augmented Generation|RAG; Fine-tuning; Transfer Learning; MLOps;
Feature Engineering; Data Analysis|data analytics; Data Science; Data Engineering; Data Visualization|data visualisation;
Statistics|statistical analysis; A/B Testing|AB testing|split testing; Hypothesis Testing; Regression Analysis;
Time Series Analysis|time series forecasting; Forecasting; Predictive Modeling|predictive modelling;
Bayesian Statistics; Experimental Design; Causal Inference; Anomaly Detection; Recommender Systems|recommendation systems;
Clustering; Classification; Dimensionality Reduction; Neural Networks; Convolutional Neural Networks|CNN|CNNs;
Recurrent Neural Networks|RNN|RNNs; LSTM; Transformers|transformer models; Attention Mechanisms;
Graph Neural Networks|GNN; Generative Adversarial Networks|GAN|GANs; Diffusion Models; Speech Recognition;
Object Detection; Image Segmentation; OCR|optical character recognition; Sentiment Analysis; Named Entity Recognition|NER;
Topic Modeling; Information Retrieval; Semantic Search; Vector Search; Embeddings; Knowledge Graphs;
TensorFlow; PyTorch; Keras; scikit-learn|sklearn|scikit learn; XGBoost; LightGBM; CatBoost; JAX; Flax;
Hugging Face|HuggingFace|Hugging Face Transformers; spaCy; NLTK; Gensim; OpenCV; Pillow; scikit-image;
fastai; PyTorch Lightning; ONNX; TensorRT; TensorFlow Lite|TFLite; Core ML; MLflow; Kubeflow; Weights & Biases|W&B|wandb;
DVC; Feast; BentoML; Seldon; TorchServe; Triton Inference Server; LangChain; LlamaIndex; OpenAI API;
Jupyter|Jupyter Notebook|JupyterLab; Google Colab|Colab; RStudio; Tidyverse; ggplot2; dplyr; Shiny;
Tableau; Power BI|PowerBI; Looker BI; Qlik|QlikView|Qlik Sense; Metabase; Redash; Mode Analytics; Sisense;
MicroStrategy; Alteryx; KNIME; RapidMiner; dbt|data build tool; Fivetran; Airbyte; Stitch; Talend;
Informatica; SSIS; SSRS; SSAS; Pentaho; Great Expectations; Prefect; Dagster; Luigi; Kedro;
Delta Lake; Data Lake; Lakehouse; Data Mesh; Data Governance; Data Quality; Master Data Management|MDM;
Big Data; Hadoop HDFS|HDFS; MapReduce; PySpark; Spark SQL; Spark Streaming; Structured Streaming;
Stream Processing; Batch Processing; Data Pipelines|data pipeline; Web Scraping; Beautiful Soup|BeautifulSoup|bs4;
Selenium scraping; Excel modeling; Google Analytics|GA4; Mixpanel; Amplitude; Segment; Heap Analytics;
Hotjar; Optimizely; Econometrics; Operations Research; Linear Programming; Optimization|mathematical optimization;
Monte Carlo Simulation; Survival Analysis; Markov Models; Signal Processing; Geospatial Analysis|GIS;
ArcGIS; QGIS; PostGIS; GeoPandas; Mathematica; Maple; Minitab; JMP; EViews; Gurobi; CPLEX; OR-Tools;
Statsmodels; Prophet; PyMC; Stan; SHAP; LIME explanations; Explainable AI|XAI; Model Evaluation;
Cross-validation; Hyperparameter Tuning; Optuna; Ray Tune; Horovod; DeepSpeed; CUDA programming; Triton
"""

TESTING = """
Unit Testing|unit tests; Integration Testing|integration tests; End-to-End Testing|E2E testing|e2e tests;
Test-Driven Development|TDD; Behavior-Driven Development|BDD|behaviour-driven development; Test Automation|automated testing;
Manual Testing; Regression Testing; Performance Testing; Load Testing; Stress Testing; Security Testing;
Penetration Testing|pen testing|pentesting; Usability Testing; Accessibility Testing; Contract Testing;
Property-Based Testing; Mutation Testing; Exploratory Testing; QA|quality assurance; pytest; unittest;
Hypothesis library|Python Hypothesis; tox; nox; JUnit; TestNG; Mockito; Spock; Cucumber; Gherkin; Selenium;
Selenium WebDriver|WebDriver; Cypress; Playwright; Puppeteer; WebdriverIO; TestCafe; Appium; Espresso;
XCTest; XCUITest; Detox; Jest; Mocha; Chai; Jasmine; Karma; Vitest; Testing Library|React Testing Library;
Enzyme; Storybook testing; Postman; Newman; SoapUI; REST Assured; Insomnia; JMeter|Apache JMeter; Gatling;
Locust; k6; LoadRunner; BlazeMeter; Pact; WireMock; Testcontainers; RSpec; Minitest; Capybara; PHPUnit;
Codeception; NUnit; xUnit; MSTest; SpecFlow; Robot Framework; Katalon; TestRail; Zephyr; qTest; Xray test management;
BrowserStack; Sauce Labs; LambdaTest; Lighthouse; axe accessibility|axe-core; SonarLint; ESLint; Prettier;
Pylint; Flake8; Black formatter|black; Ruff; mypy; Pyright; Checkstyle; PMD; SpotBugs; RuboCop; StyleCop;
Code Review|code reviews; Static Analysis|static code analysis; Fuzzing|fuzz testing; Test Planning; Defect Tracking
"""

MOBILE = """
iOS Development|iOS; Android Development|Android; Mobile Development|mobile app development; Cross-platform Development;
Xcode; Android Studio; CocoaPods; Swift Package Manager; Fastlane; TestFlight; App Store Connect;
Google Play Console; Firebase Cloud Messaging|FCM; Push Notifications; Kotlin Multiplatform|KMP; Expo;
NativeScript; PhoneGap; Jetpack; Android Jetpack; Material Design; Human Interface Guidelines;
ARKit; ARCore; Core Animation; Core Location; MapKit; HealthKit; WatchOS|watchOS; tvOS; Wear OS;
App Clips; WidgetKit; StoreKit; In-App Purchases; Mobile Analytics; Crashlytics; Realm Mobile;
Mobile UI Design; Responsive Design|responsive web design; Progressive Web Apps|PWA|PWAs; Accessibility|a11y|WCAG
"""

SECURITY = """
Cybersecurity|cyber security|information security|InfoSec; Network Security; Application Security|AppSec;
Cloud Security; Identity and Access Management|IAM policies; OAuth|OAuth 2.0|OAuth2; OpenID Connect|OIDC;
SAML; JWT|JSON Web Tokens; Single Sign-On|SSO; Multi-Factor Authentication|MFA|2FA; Zero Trust;
Encryption; Cryptography; PKI; TLS|SSL|TLS/SSL; Threat Modeling|threat modelling; Vulnerability Assessment;
Vulnerability Management; Incident Response; Digital Forensics; Malware Analysis; Reverse Engineering;
Security Operations|SOC; SIEM; SOAR; IDS/IPS|intrusion detection; Endpoint Security|EDR; Firewall Management;
OWASP|OWASP Top 10; Secure Coding; Security Auditing; Risk Assessment; Risk Management; Compliance;
GDPR; HIPAA; PCI DSS|PCI-DSS; SOC 2|SOC2; ISO 27001|ISO/IEC 27001; NIST|NIST CSF|NIST 800-53; FedRAMP;
SOX|Sarbanes-Oxley; CCPA; Burp Suite; Metasploit; Nmap; Nessus; Qualys; Rapid7; Snort; Suricata;
Kali Linux; John the Ripper; Hashcat; OpenVAS; Zeek; CrowdStrike; SentinelOne; Palo Alto Networks|Palo Alto;
Fortinet|FortiGate; Check Point; Okta; Auth0; Keycloak; CyberArk; Tenable; Veracode; Checkmarx; Snyk;
Trivy; Aqua Security; Twistlock|Prisma Cloud; Wiz; HashiCorp Boundary; Ethical Hacking; Red Teaming;
Blue Teaming; Purple Teaming; Security Awareness Training; Data Loss Prevention|DLP; Secrets Management;
Container Security; Kubernetes Security; DevSecOps practices; Penetration Test Reporting; Bug Bounty
"""

DESIGN = """
UI Design|user interface design; UX Design|user experience design|UX; UI/UX|UI/UX design; Interaction Design;
Visual Design; Graphic Design; Product Design; Web Design; Motion Design; Information Architecture;
Wireframing|wireframes; Prototyping; User Research; Usability Research; Design Systems|design system;
Design Thinking; Typography; Color Theory; Branding; Illustration; 3D Modeling|3D modelling; Animation;
Video Editing; Photography; Figma; Sketch; Adobe XD; InVision; Axure; Balsamiq; Framer; Zeplin; Miro;
FigJam; Adobe Photoshop|Photoshop; Adobe Illustrator|Illustrator; Adobe InDesign|InDesign; Adobe After Effects|After Effects;
Adobe Premiere Pro|Premiere Pro|Premiere; Adobe Lightroom|Lightroom; Adobe Creative Suite|Adobe Creative Cloud;
Adobe Acrobat; Canva; CorelDRAW; Affinity Designer; Procreate; Blender; Maya|Autodesk Maya; 3ds Max;
Cinema 4D; ZBrush; Substance Painter; Houdini; Final Cut Pro; DaVinci Resolve; AutoCAD; SolidWorks;
CATIA; Revit; SketchUp; Rhino|Rhinoceros 3D; Fusion 360; Inventor|Autodesk Inventor; Creo; NX CAD|Siemens NX;
ANSYS; COMSOL; Abaqus; Simulink; Eagle PCB|EAGLE; KiCad; Altium Designer|Altium; OrCAD; LTspice;
Journey Mapping|customer journey mapping; Personas; Card Sorting; Heuristic Evaluation; Usability Testing sessions
"""

BUSINESS = """
Project Management; Program Management; Product Management; Product Strategy; Product Roadmapping|roadmapping;
Agile|agile methodologies|agile development; Scrum; Kanban; Lean; Six Sigma|Lean Six Sigma; SAFe|Scaled Agile Framework;
Waterfall; PRINCE2; PMBOK; Jira|JIRA; Confluence; Trello; Asana; Monday.com; ClickUp; Notion; Basecamp;
Smartsheet; Microsoft Project|MS Project; Wrike; Linear app; Airtable; Slack; Microsoft Teams|MS Teams; Zoom;
Stakeholder Management; Requirements Gathering|requirements analysis; Business Analysis; Business Intelligence|BI;
Process Improvement; Change Management; Risk Analysis; Budgeting; Financial Forecasting;
Financial Analysis; Financial Modeling|financial modelling; Accounting; Bookkeeping; Auditing; Tax Preparation|taxation;
Payroll; Accounts Payable; Accounts Receivable; General Ledger; Reconciliation|account reconciliation;
GAAP|US GAAP; IFRS; Cost Accounting; Management Accounting; Corporate Finance; Investment Banking;
Valuation; Mergers and Acquisitions|M&A; Due Diligence; Equity Research; Portfolio Management; Asset Management;
Wealth Management; Trading; Derivatives; Fixed Income; Risk Modeling; Credit Analysis; Underwriting;
Actuarial Science; Insurance; Treasury; FP&A|financial planning and analysis; QuickBooks; Xero; Sage accounting|Sage;
SAP; SAP ERP; SAP S/4HANA|S/4HANA; SAP FICO|SAP FI/CO; SAP MM; SAP SD; Oracle ERP; Oracle Financials;
NetSuite|Oracle NetSuite; Microsoft Dynamics|Dynamics 365; Workday; ADP; Bloomberg Terminal|Bloomberg;
=Excel|Microsoft Excel|MS Excel; Advanced Excel; Pivot Tables|pivot table; VLOOKUP; Google Sheets; Microsoft Word|MS Word;
PowerPoint|Microsoft PowerPoint|MS PowerPoint; Microsoft Office|MS Office|Office 365|Microsoft 365; Google Workspace|G Suite;
Microsoft Outlook|Outlook; SharePoint; Power Automate; Power Apps; Visio|Microsoft Visio; Lucidchart; draw.io;
Salesforce|SFDC; Salesforce CRM; HubSpot; Zoho CRM; Pipedrive; Marketo; Pardot; Mailchimp; Zendesk;
Freshdesk; Intercom; ServiceNow; Jira Service Management; CRM|customer relationship management; ERP;
Digital Marketing; Content Marketing; Email Marketing; Social Media Marketing; Search Engine Optimization|SEO;
Search Engine Marketing|SEM; Pay-Per-Click|PPC; Google Ads|AdWords; Facebook Ads|Meta Ads; LinkedIn Ads;
Marketing Automation; Growth Hacking; Brand Management; Market Research; Competitive Analysis; Copywriting;
Content Strategy; Public Relations; Event Planning; Affiliate Marketing; Influencer Marketing;
Conversion Rate Optimization|CRO; Customer Segmentation; Go-to-Market Strategy|GTM strategy; Pricing Strategy;
Sales; B2B Sales; B2C Sales; Inside Sales; Account Management; Key Account Management; Business Development;
Lead Generation; Cold Calling; Negotiation; Contract Negotiation; Customer Success; Customer Service|customer support;
Client Relations; Vendor Management; Procurement; Sourcing; Supply Chain Management|supply chain; Logistics;
Inventory Management; Warehouse Management; Operations Management; Demand Planning; Lean Manufacturing;
Quality Management; Quality Control; ISO 9001; Total Quality Management|TQM; Kaizen; 5S; Root Cause Analysis;
Human Resources|HR; Recruiting|recruitment; Talent Acquisition; Onboarding; Employee Relations; Performance Management;
Compensation and Benefits; HRIS; Learning and Development|L&D; Training and Development; Organizational Development;
Labor Law|employment law; Contract Law; Corporate Law; Legal Research; Litigation; Compliance Management;
Regulatory Affairs; Intellectual Property; Paralegal; Real Estate; Property Management; Construction Management;
Strategic Planning; Business Strategy; Management Consulting; Operations Strategy; OKRs; KPIs; P&L Management|P&L;
Budget Management; Cost Reduction; Revenue Growth; Sales Forecasting; Data-driven Decision Making;
Healthcare; Patient Care; Clinical Research; Electronic Health Records|EHR|EMR; Epic Systems|Epic EHR; Cerner;
HL7; FHIR; ICD-10; Medical Coding; Medical Billing; Pharmacology; Nursing; Phlebotomy; CPR; BLS; ACLS;
Laboratory Techniques; PCR; Cell Culture; Bioinformatics; Genomics; Molecular Biology; Biostatistics;
Epidemiology; Clinical Trials; GCP compliance|Good Clinical Practice; GMP|Good Manufacturing Practice;
Teaching; Curriculum Development; Instructional Design; E-Learning|eLearning; Moodle; Canvas LMS; Blackboard;
Tutoring; Classroom Management; Special Education; Technical Writing; Documentation; Editing; Proofreading;
Translation; Grant Writing; Journalism; Research; Academic Writing; Public Speaking; Event Management;
Hospitality; Food Safety; Retail Management; Merchandising; Visual Merchandising; Point of Sale|POS;
Cash Handling; Customer Experience|CX; Call Center; Fleet Management; Transportation Management; Forklift Operation;
Electrical Engineering; Mechanical Engineering; Civil Engineering; Structural Engineering; Chemical Engineering;
Embedded Systems; Firmware Development|firmware; PLC Programming|PLC; SCADA; IoT|Internet of Things; Robotics;
ROS|Robot Operating System; Control Systems; FPGA; PCB Design; Circuit Design; Microcontrollers; Arduino;
Raspberry Pi; ARM Cortex; RTOS; FreeRTOS; Zephyr RTOS; Embedded Linux; Yocto; CAN bus; Modbus; I2C; SPI;
UART; Blockchain; Ethereum; Smart Contracts; Web3; Hyperledger; DeFi; Game Development; Game Design;
Level Design; Audio Engineering; Sound Design; Music Production; Pro Tools; Ableton Live; Logic Pro
"""

SOFT_SKILLS = """
Leadership; Team Leadership|team lead; People Management|team management; Mentoring|mentorship; Coaching;
Communication|communication skills; Written Communication; Verbal Communication; Presentation Skills|presentations;
Teamwork|team player; Collaboration; Cross-functional Collaboration|cross-functional teams; Problem Solving|problem-solving;
Critical Thinking; Analytical Skills|analytical thinking; Attention to Detail|detail-oriented; Time Management;
Organizational Skills|organisational skills; Adaptability; Creativity; Decision Making|decision-making;
Conflict Resolution; Emotional Intelligence; Empathy; Active Listening; Customer Focus; Self-motivation|self-motivated;
Initiative; Multitasking; Prioritization|prioritisation; Work Ethic; Interpersonal Skills; Relationship Building;
Persuasion; Influencing; Delegation; Strategic Thinking; Innovation; Resilience; Flexibility; Accountability;
Ownership; Facilitation; Storytelling; Networking skills; Cultural Awareness; Remote Collaboration;
Stakeholder Communication; Technical Leadership; Hiring|interviewing; Performance Reviews; Team Building;
Design Reviews; Architecture|software architecture; System Design|systems design; Distributed Systems;
Object-Oriented Programming|OOP|object oriented programming; Functional Programming; Design Patterns;
Domain-Driven Design|DDD; Event-Driven Architecture|event-driven; Clean Architecture; SOLID principles|SOLID;
API Design; Concurrency; Multithreading; Parallel Computing; High-Performance Computing|HPC; Algorithms;
Data Structures; Performance Optimization|performance tuning; Caching; Scalability; Refactoring;
Technical Debt Management; Pair Programming; Extreme Programming; Software Development Life Cycle|SDLC;
Web Development; Frontend Development|front-end development; Backend Development|back-end development;
Full-Stack Development|full stack development; Software Engineering; Cloud Computing; Cloud Architecture;
Cloud Migration; Solution Architecture; Enterprise Architecture; Technical Writing skills|technical documentation;
Open Source|open-source contributions; Command Line|CLI; Version Control; Debugging; Troubleshooting;
System Administration|sysadmin; Network Administration; Help Desk|helpdesk; IT Support|technical support;
ITIL; IT Service Management|ITSM; Hardware Troubleshooting; Virtualization; Backup and Recovery
"""

CERTIFICATIONS = """
AWS Certified Solutions Architect|AWS Solutions Architect; AWS Certified Developer; AWS Certified SysOps Administrator;
AWS Certified DevOps Engineer; AWS Certified Cloud Practitioner; AWS Certified Machine Learning; AWS Certified Security;
Azure Fundamentals|AZ-900; Azure Administrator|AZ-104; Azure Developer|AZ-204; Azure Solutions Architect|AZ-305;
Google Cloud Professional Cloud Architect|Professional Cloud Architect; Google Cloud Professional Data Engineer;
Certified Kubernetes Administrator|CKA; Certified Kubernetes Application Developer|CKAD; Certified Kubernetes Security Specialist|CKS;
Terraform Associate|HashiCorp Certified Terraform Associate; CompTIA A+; CompTIA Network+; CompTIA Security+|Security+;
CompTIA Linux+; CompTIA CySA+; CompTIA PenTest+; CISSP; CISM; CISA; CEH|Certified Ethical Hacker; OSCP; GIAC;
CCNA; CCNP; CCIE; JNCIA; RHCSA; RHCE; LPIC; MCSE; MCSA; PMP|Project Management Professional; CAPM; PMI-ACP;
Certified ScrumMaster|CSM; Professional Scrum Master|PSM; Certified Scrum Product Owner|CSPO; SAFe Agilist;
ITIL Foundation; Six Sigma Green Belt; Six Sigma Black Belt; CPA|Certified Public Accountant; CFA|Chartered Financial Analyst;
ACCA; CIMA; CMA; FRM; Series 7; Series 63; SHRM-CP; SHRM-SCP; PHR; SPHR; Google Analytics Certification;
Google Ads Certification; HubSpot Inbound Certification; Salesforce Administrator|Salesforce Certified Administrator;
Salesforce Developer|Salesforce Platform Developer; Tableau Desktop Specialist; Microsoft Certified Data Analyst;
Oracle Certified Professional|OCP; Oracle Certified Java Programmer|OCJP; Databricks Certified; Snowflake SnowPro;
TOGAF; COBIT; Prince2 Practitioner; Lean Six Sigma Yellow Belt; NCLEX|NCLEX-RN; Registered Nurse|RN license;
First Aid; OSHA; FAA Part 107; Professional Engineer license|PE license; LEED|LEED AP
"""

SPOKEN = """
English; German; French; Spanish; Italian; Portuguese; Dutch; Swedish; Norwegian; Danish; Finnish; Polish;
Czech; Slovak; Hungarian; Romanian; Bulgarian; Greek; Turkish; Russian; Ukrainian; Arabic; Hebrew; Persian|Farsi;
Hindi; Urdu; Bengali; Punjabi; Tamil; Telugu; Marathi; Gujarati; Kannada; Malayalam; Mandarin|Mandarin Chinese;
Cantonese; Japanese; Korean; Vietnamese; Thai; Indonesian|Bahasa Indonesia; Malay; Tagalog|Filipino; Swahili;
Amharic; Yoruba; Igbo; Hausa; Zulu; Afrikaans; Catalan; Basque; Galician; Serbian; Croatian; Slovenian;
Lithuanian; Latvian; Estonian; Icelandic; Irish; Welsh; Sign Language|ASL|American Sign Language; Latin
"""


# More libraries, tools and domain skills, so the taxonomy covers more than software jobs.
MORE_LIBRARIES = """
boto3; Paramiko; Alembic; =Marshmallow; Typer; isort; Sphinx; MkDocs; Folium; Shapely; Rasterio; GDAL;
NetworkX; SymPy; sentence-transformers|Sentence Transformers; tiktoken; LangGraph; CrewAI; AutoGen;
Haystack; DSPy; vLLM; llama.cpp; Ollama; PEFT; LoRA; QLoRA; bitsandbytes; TRL; Diffusers;
Stable Diffusion; OpenAI Whisper; YOLO; Detectron2; MMDetection; Albumentations; torchvision; timm;
Kornia; Open3D; Point Cloud Library|PCL; Pyro; NumPyro; TensorBoard; Weka; H2O.ai|H2O; DataRobot;
AutoML; Pandera; Koalas; Modin; Vaex; cuDF; RAPIDS; Joblib; PyArrow; fastText; Word2Vec; GloVe; BERT;
GPT; RoBERTa; T5 model; LLaMA|Llama 2|Llama 3; Mistral AI; Anthropic API|Claude API; Gemini API; Cohere;
Ramda; date-fns; Day.js; Luxon; Immutable.js; urql; Vuex; Pinia; NgRx; XState; Recoil; Jotai; Valtio;
Framer Motion; GSAP; Anime.js; Lottie; PixiJS; Phaser; Babylon.js; A-Frame; p5.js; Fabric.js; Konva;
Cheerio; JSDOM; Nodemailer; PM2; Nodemon; ts-node; SWC; Turbopack; Turborepo; Nx; Lerna; Changesets;
Yeoman; Handlebars; EJS; Pug; Mustache; Nunjucks; Inertia.js; Livewire; Stimulus; Hotwire; Quasar;
Vuetify; PrimeVue; PrimeReact; Element UI; Radix UI; shadcn/ui; Headless UI; DaisyUI; Semantic UI;
UIkit; Materialize CSS; React Router; TanStack Router; Redux Toolkit; RTK Query; React Spring;
Recharts; ECharts|Apache ECharts; ApexCharts; Nivo; visx; Vega-Lite; Vega; Observable Plot; Plotly.js;
Cytoscape.js; Sigma.js; OpenLayers; CesiumJS; deck.gl; Turf.js; Pusher; Ably; Appwrite; PocketBase;
Strapi; Contentful; Sanity CMS|Sanity.io; Prismic; Ghost CMS; KeystoneJS; Directus; Payload CMS;
Medusa.js; Saleor; BigCommerce; PrestaShop; OpenCart; Squarespace; Wix; Webflow; Bubble.io; Retool;
Appsmith; Budibase; OutSystems; Mendix; Zapier; Make.com|Integromat; n8n; IFTTT; Workato; Boomi|Dell Boomi;
SnapLogic; Lombok; Jackson JSON|Jackson Databind; Gson; Guava; Log4j; SLF4J; Logback; JPA; JDBC; JMS; JNDI; JMX;
EJB; Servlets; JSP; Thymeleaf; Netty; Undertow; OkHttp; OpenFeign|Feign; Hystrix; Resilience4j;
Netflix Eureka|Eureka; Zuul; Spring Data; Spring WebFlux|WebFlux; Project Reactor; Kotlin Coroutines;
Exposed ORM; JavaFX; Java Swing|Swing; Android NDK; JNI; GraalVM; OpenJDK; JVM Tuning; sbt; Leiningen; Cats Effect;
ZIO; http4s; Cobra CLI; Viper config; GORM; sqlx; Gorilla Mux; chi router; go-kit; Serde; Diesel ORM;
SeaORM; Hyper.rs; Tonic gRPC; wasm-bindgen; Yew; Leptos; Bevy; OpenMP; MPI; Intel TBB; Eigen; POCO C++;
FlatBuffers; Cap'n Proto; Conan package manager; vcpkg; GDB; LLDB; Valgrind; perf profiler; gprof; AddressSanitizer;
Clang; GCC; LLVM; MSVC; MinGW; AutoMapper; MediatR; Serilog; NLog; Hangfire; IdentityServer; Razor;
Twig; Laravel Blade|Blade templates; Eloquent ORM|Eloquent; Doctrine ORM|Doctrine; PHPStan; Psalm;
Sidekiq; Resque; Puma; Devise; Capistrano; Bundler; RubyGems; Sorbet; Pydantic AI; SQLModel; Tortoise ORM;
Peewee; Django Ninja; Litestar; Sanic; Falcon framework; Bottle.py; CherryPy; web2py; Twisted; Trio;
AnyIO; asyncio; uvloop; gevent; Kivy; PyQt; PySide; Tkinter; Pygame; Arcade library; Panda3D; Manim;
Pillow-SIMD; imageio; PyMuPDF; pdfplumber; ReportLab; WeasyPrint; python-docx; openpyxl; xlrd; XlsxWriter
"""

MORE_PLATFORM = """
Cloudflare Workers; Fly.io; Render.com; Railway.app; Deno Deploy; Firebase Functions; Elastic Cloud;
MongoDB Atlas; Confluent Cloud; Aiven; Upstash; Kong Gateway|Kong; Tyk; AWS App Mesh; Cilium; Calico;
Flannel; MetalLB; cert-manager; ExternalDNS; Velero; Longhorn; Rook; Portworx; Harbor registry;
Quay.io|Quay; Docker Hub; Skaffold; Tilt.dev; DevSpace; Telepresence; Kubernetes in Docker; minikube;
k9s; Lens IDE; kubectl; Open Policy Agent|OPA; Kyverno; Falco; Sysdig; Lightstep; Chronosphere;
VictoriaMetrics; Thanos; Cortex metrics; Grafana Mimir|Mimir; M3DB; Cribl; Logz.io; Papertrail; Loggly;
Rollbar; Bugsnag; Raygun; Instana; Elastic APM; Pingdom; UptimeRobot; Atlassian Statuspage|Statuspage;
Grafana Cloud; incident.io; FireHydrant; Rundeck; Ansible Tower|AWX; CFEngine; Spacelift; env0; Atlantis;
Terraform Cloud; Checkov; tfsec; Terrascan; Infracost; OpenTofu; cloud-init; Fedora CoreOS|CoreOS;
Flatcar Linux; Talos Linux; Bottlerocket; NixOS; GNU Guix; Windows Subsystem for Linux|WSL; PowerShell DSC;
SCCM|Microsoft Endpoint Configuration Manager; Intune|Microsoft Intune; Jamf; Group Policy; Exchange Server;
Microsoft 365 Administration; Google Workspace Administration; Citrix; VMware Horizon; VDI; Nutanix;
NetApp; Pure Storage; Dell EMC; HPE; Cisco Meraki; Aruba Networks; Ubiquiti; pfSense; OPNsense;
WireGuard; OpenVPN; IPsec; Squid proxy; BIND DNS; Pi-hole; Let's Encrypt; OpenSSL; GnuPG|GPG; Kerberos authentication
"""

MORE_DATA = """
ThoughtSpot; Domo; Sigma Computing; Hex notebooks; Deepnote; Observable notebooks; Voila; Preset.io;
Soda Core; Atlan; Collibra; Alation; DataHub; Amundsen data catalog; OpenLineage; Marquez lineage; Unity Catalog;
Hive Metastore; Matillion; Hevo Data; Rivery; Meltano; Singer taps; Census reverse ETL; Hightouch;
RudderStack; Snowplow; Kafka Connect; Debezium; Flink SQL; ksqlDB; Materialize database; RisingWave;
Dataiku; SAS Viya; IBM SPSS Modeler; Power Query; Power Pivot; DAX; MDX; LookML; Data Lineage;
Data Cataloging; Data Contracts; Change Data Capture|CDC; Dimensional Modeling|Kimball; Data Vault;
Star Schema; Slowly Changing Dimensions|SCD; Reverse ETL; Feature Store; Vector Database; Model Serving;
Model Monitoring; Drift Detection; Synthetic Data; Data Labeling; Label Studio; Prodigy annotation;
Snorkel; Active Learning; Few-shot Learning; Zero-shot Learning; Contrastive Learning; Self-supervised Learning;
Knowledge Distillation; Quantization; Model Compression; Federated Learning; Differential Privacy;
Causal Machine Learning; Uplift Modeling; Marketing Mix Modeling|MMM; Multi-touch Attribution;
Customer Lifetime Value|CLV|LTV modeling; Cohort Analysis; Funnel Analysis; Churn Prediction;
Demand Forecasting; Price Optimization; Route Optimization; Supply Chain Analytics; Credit Scoring;
Fraud Analytics; Text Mining; Speech Synthesis; Machine Translation; Question Answering; Chatbots;
Conversational AI; Rasa; Dialogflow; Amazon Lex; Microsoft Bot Framework; Image Classification;
Pose Estimation; Optical Flow; SLAM; Sensor Fusion; Lidar; Kalman Filter; Path Planning; Autonomous Driving
"""

MORE_SECURITY = """
Wazuh; OSSEC; ModSecurity; Zscaler; Netskope; Proofpoint; Mimecast; KnowBe4; Varonis; IBM QRadar|QRadar;
ArcSight; LogRhythm; Exabeam; Elastic Security|Elastic SIEM; VMware Carbon Black|Carbon Black; Cylance;
Sophos; McAfee; Symantec; Trend Micro; Bitdefender; ESET; Tanium; Nexpose; Acunetix; Nikto; sqlmap;
OWASP ZAP|ZAP proxy; Ghidra; IDA Pro; Radare2; Volatility Framework; Autopsy forensics; EnCase; FTK;
Cellebrite; YARA; Sigma rules; MITRE ATT&CK; Cyber Kill Chain; CIS Controls|CIS Benchmarks; DISA STIG|STIG;
HITRUST; CMMC; NIS2; Threat Intelligence; Threat Hunting; Privileged Access Management|PAM; BeyondTrust;
Delinea|Thycotic; Hardware Security Module|HSM; FIDO2; WebAuthn; Passkeys; Security Architecture;
Security Governance; Third-Party Risk Management|TPRM; Business Impact Analysis; Tabletop Exercises;
Phishing Simulation; Email Security; Web Application Firewall|WAF; DDoS Mitigation; Network Segmentation;
Microsegmentation; Secure Access Service Edge|SASE; CASB; Data Classification; Tokenization; Key Management
"""

MORE_DOMAIN = """
Financial Reporting; Financial Consolidation; Audit Planning; Internal Controls; Transfer Pricing; VAT;
Billing; Invoicing; Credit Control; Collections; Cash Flow Management; Hedging; Capital Markets;
Private Equity; Venture Capital; Hedge Funds; Fund Accounting; Real Estate Finance; Commercial Lending;
Loan Origination; KYC|Know Your Customer; Anti-Money Laundering|AML; Fraud Detection; Claims Processing;
Reinsurance; Pricing Analytics; Revenue Management; Yield Management; Category Management; Trade Marketing;
Shopper Marketing; Product Marketing; Performance Marketing; Programmatic Advertising; Media Buying;
Media Planning; Community Management; Customer Retention; Lifecycle Marketing; Net Promoter Score|NPS;
Voice of the Customer|VoC; Service Design; Business Process Modeling|BPMN; Process Mapping;
Value Stream Mapping; Balanced Scorecard; SWOT Analysis; PESTLE Analysis; Business Case Development;
Feasibility Studies; Tender Management; RFP Management; Bid Management; Contract Management; Outsourcing;
Post-Merger Integration; Restructuring; Crisis Management; Business Continuity Planning|BCP; ESG;
Sustainability Reporting; Carbon Accounting; Life Cycle Assessment|LCA; Environmental Compliance;
Health and Safety|HSE|EHS; Occupational Health; Ergonomics; Facilities Management; Space Planning;
Interior Design; Urban Planning; Landscape Architecture; Land Surveying|surveying; Geotechnical Engineering;
HVAC; Plumbing; Electrical Wiring; Welding; CNC Machining|CNC; Blueprint Reading; GD&T; Tolerance Analysis;
FMEA; DFMEA; PFMEA; APQP; PPAP; Statistical Process Control|SPC; Design of Experiments|DOE; Metrology;
Coordinate Measuring Machine|CMM; Injection Molding; Sheet Metal Design; Finite Element Analysis|FEA;
Computational Fluid Dynamics|CFD; Thermodynamics; Heat Transfer; Fluid Mechanics; Vibration Analysis;
Reliability Engineering; Maintenance Planning; Predictive Maintenance; Total Productive Maintenance|TPM;
CMMS; IBM Maximo|Maximo; Power Systems; Substation Design; Renewable Energy; Solar PV|photovoltaics;
Wind Energy; Battery Systems; Power Electronics; Motor Control; Signal Integrity; RF Design; Antenna Design;
Analog Circuit Design; Mixed-Signal Design; ASIC Design; Physical Design; Design for Testability;
Cadence Virtuoso; Synopsys Design Compiler; Xilinx Vivado|Vivado; Intel Quartus|Quartus; ModelSim;
QuestaSim; Verilator; cocotb; UVM; SystemC; High-Level Synthesis|HLS; Patient Assessment; Wound Care;
Medication Administration; IV Therapy; Triage; Telemetry Nursing; Critical Care; Emergency Medicine;
Pediatrics; Geriatrics; Oncology; Cardiology; Radiology; Ultrasound; MRI; CT Scanning; Dental Hygiene;
Physical Therapy; Occupational Therapy; Speech Therapy; Mental Health; Counseling; Case Management;
Social Work; Public Health; Health Informatics; Clinical Documentation; Infection Control; Sterile Technique;
Vital Signs; EKG|ECG; Venipuncture; Meditech; Allscripts; athenahealth; eClinicalWorks; Medical Terminology;
CPT Coding; HCPCS; Revenue Cycle Management; Prior Authorization; Utilization Review; Pharmacovigilance;
Regulatory Submissions; CDISC; SDTM; ADaM; SAS Programming; Clinical Data Management; Medidata Rave;
Veeva Vault; LIMS; Electronic Lab Notebook|ELN; HPLC; Mass Spectrometry; Flow Cytometry; ELISA;
Western Blot; CRISPR; Next-Generation Sequencing|NGS; RNA-Seq; Single-Cell Sequencing; Protein Purification;
Microscopy; Confocal Microscopy; Tissue Culture; Animal Handling; Good Laboratory Practice|GLP; Biosafety;
Lesson Planning; Differentiated Instruction; Student Assessment; IEP Development; ESL Teaching|ESL; TEFL;
TESOL; Montessori; Early Childhood Education; STEM Education; Google Classroom; Kahoot; Contract Drafting;
Legal Writing; eDiscovery; Relativity eDiscovery; Westlaw; LexisNexis; Mediation; Arbitration;
Immigration Law; Family Law; Criminal Law; Tax Law; Patent Law; Trademark Law; Privacy Law; Food Preparation;
Menu Planning; Inventory Control; Bartending; Sommelier; Front Desk Operations; Opera PMS; Reservations Management;
Event Coordination; Catering; Barista; HACCP; ServSafe; Pallet Jack; Shipping and Receiving; Order Picking;
RF Scanners; WMS|warehouse management system; TMS|transportation management system; SAP EWM;
Manhattan WMS; Blue Yonder; Kinaxis; Oracle SCM; Incoterms; Customs Clearance; Freight Forwarding;
Route Planning; Dispatching; Commercial Driver's License|CDL
"""


def expand(prefix: str, products: str, canonical_prefix: str | None = None) -> str:
    """'AWS', 'Lambda|S3' → 'AWS Lambda|Amazon Lambda; AWS S3|Amazon S3' (aliases keep the vendor)."""
    entries = []
    for product in products.replace("\n", "").split("|"):
        product = product.strip()
        if not product:
            continue
        name = f"{canonical_prefix or prefix} {product}"
        aliases = {f"{prefix} {product}", f"Amazon {product}" if prefix == "AWS" else ""}
        aliases.discard(name)
        aliases.discard("")
        entries.append("|".join([name, *sorted(aliases)]))
    return "; ".join(entries)


def apache(products: str) -> str:
    entries = []
    for product in products.replace("\n", "").split("|"):
        product = product.strip()
        if product:
            entries.append(f"Apache {product}|{product}" if product not in AMBIGUOUS_APACHE else f"Apache {product}")
    return "; ".join(entries)


# Apache project names that are ordinary words or clash with other entries: only "Apache X" counts.
AMBIGUOUS_APACHE = {"Commons", "Arrow", "Beam", "Storm", "Pig", "Atlas", "Ranger", "Knox", "Phoenix",
                    "Crunch", "Struts", "Helix", "Curator", "Griffin", "Velocity", "Tapestry", "Felix",
                    "Sling", "Hama", "Tez", "Doris", "Geode", "Kudu", "Hudi", "Flume", "Livy", "Karaf",
                    "Wicket", "Paimon", "Giraph", "Samza", "Superset", "Airflow", "Spark", "Hadoop",
                    "Flink", "Kafka", "Lucene", "Tika", "Zookeeper", "ZooKeeper", "Iceberg", "Parquet",
                    "NiFi", "ORC", "Oozie", "Sqoop", "Zeppelin", "Kylin", "Ambari", "Mahout", "POI",
                    "CXF", "Axis2", "PDFBox", "Accumulo", "Bookkeeper", "Dubbo", "RocketMQ",
                    "SkyWalking", "APISIX", "Pekko", "UIMA", "OpenNLP", "cTAKES", "TVM", "MXNet",
                    "SystemML", "SINGA", "Gobblin", "Kyuubi", "Seatunnel", "DolphinScheduler",
                    "ShardingSphere", "ServiceComb", "ServiceMix", "Jackrabbit", "Freemarker",
                    "CarbonData"}
# The well-known ones do get their bare name as an alias.
AMBIGUOUS_APACHE -= {"Spark", "Hadoop", "Flink", "Kafka", "Lucene", "Airflow", "Superset", "NiFi",
                     "Parquet", "Iceberg", "ZooKeeper", "Zookeeper", "Hudi", "Zeppelin", "Oozie",
                     "Sqoop", "Kylin", "Ambari", "Mahout", "PDFBox", "Tika", "Dubbo", "RocketMQ",
                     "SkyWalking", "APISIX", "MXNet", "Samza", "Accumulo", "Kudu", "DolphinScheduler",
                     "ShardingSphere", "Freemarker", "Jackrabbit", "Kyuubi", "Seatunnel", "Gobblin",
                     "CarbonData", "OpenNLP", "cTAKES", "Pekko", "Karaf", "Wicket", "Doris", "Livy",
                     "Giraph", "Flume", "Axis2", "CXF", "ServiceMix", "ServiceComb", "SystemML",
                     "SINGA", "Bookkeeper"}

SOURCES: dict[str, str] = {
    "Programming Languages": LANGUAGES,
    "Frameworks & Libraries": FRAMEWORKS,
    "Databases": DATABASES,
    "Cloud & DevOps": CLOUD_DEVOPS + ";" + expand("AWS", AWS_SERVICES)
    + ";" + expand("Azure", AZURE_SERVICES) + ";" + expand("GCP", GCP_SERVICES, "Google Cloud"),
    "Data & Machine Learning": DATA_ML + ";" + apache(APACHE),
    "Testing & Quality": TESTING,
    "Mobile": MOBILE,
    "Security": SECURITY,
    "Design": DESIGN,
    "Business & Domain": BUSINESS,
    "Practices & Soft Skills": SOFT_SKILLS,
    "Certifications": CERTIFICATIONS,
    "Spoken Languages": SPOKEN,
}
SOURCES["Frameworks & Libraries"] += ";" + MORE_LIBRARIES
SOURCES["Cloud & DevOps"] += ";" + MORE_PLATFORM
SOURCES["Data & Machine Learning"] += ";" + MORE_DATA
SOURCES["Security"] += ";" + MORE_SECURITY
SOURCES["Business & Domain"] += ";" + MORE_DOMAIN


# Forms that are also ordinary English words or given names: matched only as written
# ("Spring" counts, "spring" does not), so prose does not turn into skills.
COMMON_WORDS = set("""
go r c swift rust dart julia elm crystal nim scheme less hack scratch pascal ada apex spring
express channels dash relay fiber rocket echo ray flux salt vault helm nomad envoy consul caddy
make yarn chroma neon realm presto druid hive beam bun remix ember backbone meteor electron
ionic unity rails boost excel sage segment feast prophet stan seldon triton apollo phoenix gin
play jetty puppet chef ant jest mocha chai karma jasmine enzyme cucumber spock pact locust
sentry loki tempo storm arrow spark atlas shiny stitch luigi prefect canvas blackboard epic maya
houdini rhino creo inventor blender sketch framer miro zoom slack notion linear asana outlook
word teams access visio confluence workday intercom waterfall lean swarm trino looker mode
ocaml hugo jekyll astro qwik koa hapi gatsby bulma emotion parcel rollup babel grunt gulp
cypress playwright postman insomnia newman capybara robot selenium appium espresso detox
hadoop sqoop flume pig kudu doris livy arrow orc pulsar nats kafka lex polly connect batch
shield inspector config backup forecast translate personalize comprehend transcribe
amplify proton copilot sam chalice search maps functions monitor policy arc stack fabric
purview sentinel defender firewall bastion prometheus grafana tempo jaeger splunk traefik
tomcat jetty wildfly nexus buck ninja conda cargo composer homebrew windows unix debian fedora
arch alpine ubuntu salt packer vagrant jenkins bamboo tekton drone flux argo spinnaker
swing razor twig puma devise trio twisted quasar stimulus ably pusher feign eureka cohere pyro
rook calico flannel quay longhorn atlantis voila snorkel recoil yew bevy psalm sorbet undertow
guava pug mustache handlebars yeoman vega phaser konva lottie falco thanos cortex hyper sanic
""".split())


def _is_acronym(form: str) -> bool:
    """Short capitals ("SAN", "REST", "NAS") are words in other cases ("San Francisco", "rest")."""
    return form.isalpha() and form.isupper() and len(form) <= 4


# Generic practices written in lower case in the lists above get capitals as canonical names.
GENERIC_LOWER = {"serverless", "microservices", "observability", "monitoring", "sharding",
                 "replication", "normalization", "firewalls"}


def _display(name: str) -> str:
    if name.islower() and (" " in name or name in GENERIC_LOWER):
        small = {"and", "of", "as", "in", "for"}
        return " ".join(w if w in small else w[0].upper() + w[1:] for w in name.split())
    return name


def _forms(raw: str) -> tuple[list[str], list[str], list[str]]:
    """(all forms, the forms matched only as written, those of them that are ordinary words)."""
    forced = raw.startswith("=")
    forms = [part.strip() for part in raw.lstrip("=").split("|") if part.strip()]
    words = [form for i, form in enumerate(forms) if (forced and i == 0) or form.lower() in COMMON_WORDS]
    exact = [form for form in forms if form in words or _is_acronym(form)]
    return forms, exact, words


# Named products among the business lists: tools a job description can name in passing, so they
# get a category of their own (the parser reads generic business terms only from skill lists).
BUSINESS_SOFTWARE = set("""
Jira|Confluence|Trello|Asana|Monday.com|ClickUp|Notion|Basecamp|Smartsheet|Microsoft Project|Wrike|
Linear app|Airtable|Slack|Microsoft Teams|Zoom|QuickBooks|Xero|Sage accounting|SAP|SAP ERP|
SAP S/4HANA|SAP FICO|SAP MM|SAP SD|Oracle ERP|Oracle Financials|NetSuite|Microsoft Dynamics|Workday|
ADP|Bloomberg Terminal|Excel|Advanced Excel|Pivot Tables|VLOOKUP|Google Sheets|Microsoft Word|
PowerPoint|Microsoft Office|Google Workspace|Microsoft Outlook|SharePoint|Power Automate|Power Apps|
Visio|Lucidchart|draw.io|Salesforce|Salesforce CRM|HubSpot|Zoho CRM|Pipedrive|Marketo|Pardot|
Mailchimp|Zendesk|Freshdesk|Intercom|ServiceNow|Jira Service Management|Google Ads|Facebook Ads|
LinkedIn Ads|Epic Systems|Cerner|Moodle|Canvas LMS|Blackboard|Pro Tools|Ableton Live|Logic Pro|
Arduino|Raspberry Pi""".replace("\n", "").split("|"))


def build() -> list[dict]:
    skills: dict[str, dict] = {}
    for category, source in SOURCES.items():
        for raw in source.replace("\n", " ").split(";"):
            raw = raw.strip()
            if not raw:
                continue
            forms, exact, words = _forms(raw)
            if _display(forms[0]) != forms[0]:
                forms = [_display(forms[0]), *forms]  # the lower-case form stays an alias
            if forms[0].lower() in skills:
                continue  # first category wins; duplicates across lists are harmless
            skills[forms[0].lower()] = {
                "name": forms[0],
                "category": "Business Software" if forms[0] in BUSINESS_SOFTWARE else category,
                "aliases": forms[1:],
                "exact": exact,
                "words": words,
            }
    return sorted(skills.values(), key=lambda entry: (entry["category"], entry["name"].lower()))


if __name__ == "__main__":
    entries = build()
    OUT.write_text(json.dumps({"version": 1, "skills": entries}, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(entries)} skills, {sum(len(e['aliases']) for e in entries)} aliases → {OUT}")
