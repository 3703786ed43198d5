import lexiconData from './data/lexicon.json';

/** Census first names (lower case). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(lexiconData.first);
/** Census surnames, most frequent 40,000 (lower case). */
export const SURNAMES: ReadonlySet<string> = new Set(lexiconData.last);
/** Common English words (SCOWL 10–35), lower case. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(lexiconData.common);

/** Payers whose names label a member's ID ("Aetna ID …", "CareSource ID …"). */
export const PAYER_NAMES: readonly string[] = ['bcbs', 'aetna', 'cigna', 'humana', 'uhc', 'unitedhealthcare', 'kaiser', 'anthem', 'molina', 'ambetter', 'tricare', 'wellcare', 'centene', 'oscar', 'highmark', 'caresource', 'amerigroup', 'regence', 'premera', 'pacificsource', 'selecthealth', 'emblemhealth', 'healthfirst', 'fidelis', 'carefirst', 'wellpoint', 'healthpartners', 'hmsa', 'alohacare', 'ucare'];
/** State Medicaid programmes (their members' IDs have nine characters or more). */
export const STATE_PROGRAMMES: readonly string[] = ['medi-cal', 'ahcccs', 'masshealth', 'tenncare', 'soonercare', 'badgercare', 'kancare', 'mainecare', 'peachcare', 'arkids', 'providerone', 'med-quest', 'medquest', 'minnesotacare'];

/**
 * Product, vendor and IT words that look like names ("Jenkins", "Eclipse", "Epic") and so must
 * not be read as a person without strong evidence.
 */
export const TECH_WORDS: ReadonlySet<string> = new Set(
  (
    'jenkins eclipse hubspot jira confluence bitbucket github gitlab epic cerner meditech allscripts athena athenahealth ' +
    'citrix okta duo grafana kibana ansible terraform visio dell latitude optiplex lenovo thinkpad hp elitebook microsoft ' +
    'windows outlook teams azure aws amazon google chrome firefox safari edge linux ubuntu debian redhat centos docker ' +
    'kubernetes oracle cisco meraki palo alto fortinet fortigate vmware vsphere esxi zoom webex slack splunk datadog ' +
    'pagerduty tableau salesforce workday servicenow imprivata pyxis omnicell philips siemens ge apple iphone ipad ' +
    'android samsung zebra nuance dragon powerchart hyperspace haiku canto rover mychart kronos lawson nutanix veeam ' +
    'sophos crowdstrike sentinelone defender intune sccm jamf mdm nginx apache tomcat iis mysql postgres postgresql ' +
    'mongodb redis kafka rabbitmq elasticsearch logstash prometheus nagios zabbix solarwinds laravel django rails react ' +
    'angular vue node nodejs python java javascript typescript golang rust ruby php perl powershell bash excel word ' +
    'powerpoint onenote sharepoint onedrive dropbox box adobe acrobat reader chromebook macbook imac macos ios ipados ' +
    'wifi ssid ethernet bluetooth usb hdmi vga displayport thunderbolt intel amd nvidia qualcomm broadcom realtek logitech ' +
    'plantronics poly jabra yealink polycom avaya genesys twilio vocera spok ascom stryker baxter bd alaris medtronic ' +
    'dexcom abbott hologic fujifilm agfa carestream sectra nuance powerscribe vitrea mckesson change healthcare ' +
    'availity waystar experian equifax transunion lexisnexis wolters kluwer uptodate lexicomp epocrates doximity ' +
    'azure entra ping pingfederate auth0 keycloak vault hashicorp consul nomad packer vagrant helm istio linkerd ' +
    'openshift rancher portainer argo argocd flux spinnaker circleci travis sonarqube snyk dependabot renovate ' +
    'notepad vscode visual studio intellij pycharm xcode postman insomnia swagger openapi graphql grpc soap rest ' +
    'welch allyn hillrom beckman coulter roche masimo natus zoll steris smiths hospira mindray getinge draeger ' +
    'cloverleaf rhapsody corepoint infor ukg sysmex hyland onbase rauland responder wyse igel phreesia epson helmer securitas lenel onguard ' +
    'verizon otis diligent moxi provation paperstream sherlock kuiper twilio avalon hchb cogito brightsign cradlepoint windstream ' +
    'workaround postmortem rollback backout repro rca troubleshooting timeline followup signoff downtime uptime dept tech techs rad worklist worklists informaticist ' +
    'sql server tsql plsql ssms ssis ssrs powerbi looker qlik alteryx sas spss stata matlab ' +
    'honeywell honda uber lyft kroger walgreens comcast accu-chek ' +
    'somatom atellica apc vertiv genetec teladoc intouch capsule ' +
    'nissan subaru hyundai mazda volkswagen chevrolet lexus acura infiniti mitsubishi corolla camry medicaid medicare caresource'
  )
    .split(/\s+/)
    .concat(STATE_PROGRAMMES),
);

/** US states and territories (names and USPS codes) and countries: not Safe Harbor geography. */
export const US_STATE_CODES: ReadonlySet<string> = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AA AE AP').split(' '),
);

export const US_STATE_NAMES: ReadonlySet<string> = new Set(
  ('alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois ' +
    'indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana ' +
    'nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming ' +
    'carolina dakota hampshire jersey mexico york island').split(' '),
);

/** Personal titles that introduce a name. */
export const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'mx.']);
