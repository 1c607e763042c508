import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000650 extends Migration {

  override name = 'Migration20261205000650';

  override up(): void | Promise<void> {
    this.addSql(`create table \`agency\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`agency_code\` varchar(50) not null, \`agency_name\` varchar(100) not null, \`agency_name_en\` varchar(100) null, \`contact_person\` varchar(100) null, \`contact_phone\` varchar(50) null, \`contact_email\` varchar(100) null, \`address\` varchar(255) null, \`timezone\` int not null default 8, \`agency_type\` varchar(20) not null default 'real', \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`agency\` add index \`agency_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`agency\` add index \`agency_tenant_id_is_active_index\` (\`tenant_id\`, \`is_active\`);`);
    this.addSql(`alter table \`agency\` add unique \`agency_tenant_id_agency_code_unique\` (\`tenant_id\`, \`agency_code\`);`);

    this.addSql(`create table \`agency_working_hour\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`agency_id\` int not null, \`day_of_week\` int not null, \`start_time\` varchar(8) not null default '09:00:00', \`end_time\` varchar(8) not null default '18:00:00', \`is_working_day\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`agency_working_hour\` add index \`agency_working_hour_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`agency_working_hour\` add unique \`agency_working_hour_tenant_id_agency_id_day_of_week_unique\` (\`tenant_id\`, \`agency_id\`, \`day_of_week\`);`);

    this.addSql(`create table \`case_assignment\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_id\` int not null, \`from_collector_id\` int null, \`to_collector_id\` int null, \`kind\` varchar(16) not null, \`strategy\` varchar(16) null, \`reason\` varchar(255) null, \`assigned_by\` varchar(36) null, \`assigned_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`case_assignment\` add index \`case_assignment_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`case_assignment\` add index \`case_assignment_tenant_id_to_collector_id_assigned_at_index\` (\`tenant_id\`, \`to_collector_id\`, \`assigned_at\`);`);
    this.addSql(`alter table \`case_assignment\` add index \`case_assignment_tenant_id_case_id_assigned_at_index\` (\`tenant_id\`, \`case_id\`, \`assigned_at\`);`);

    this.addSql(`create table \`case_contact\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_id\` int not null, \`phone_number\` varchar(32) not null, \`phone_type\` varchar(16) not null default 'mobile', \`contact_name\` varchar(100) null, \`relationship\` varchar(50) null, \`is_primary\` tinyint(1) not null default false, \`is_verified\` tinyint(1) not null default false, \`last_contact_at\` datetime(3) null, \`last_contact_result\` varchar(32) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`case_contact\` add index \`case_contact_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`case_contact\` add index \`case_contact_tenant_id_case_id_index\` (\`tenant_id\`, \`case_id\`);`);

    this.addSql(`create table \`collection_case\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_code\` varchar(64) not null, \`customer_id\` varchar(64) not null, \`user_name\` varchar(100) not null, \`mobile\` varchar(32) not null, \`id_number\` varchar(64) null, \`email\` varchar(120) null, \`address\` varchar(255) null, \`bank_account\` varchar(64) null, \`gender\` varchar(8) null, \`date_of_birth\` varchar(10) null, \`kyc_level\` varchar(8) null, \`loan_id\` varchar(64) null, \`loan_product_name\` varchar(100) null, \`loan_amount\` bigint not null, \`loan_date\` varchar(10) null, \`loan_term\` int null, \`due_date\` varchar(10) not null, \`interest_rate\` numeric(9,6) null, \`repaid_amount\` bigint not null, \`outstanding_principal\` bigint null, \`outstanding_interest\` bigint null, \`outstanding_penalty\` bigint null, \`outstanding_amount\` bigint not null, \`overdue_amount\` bigint null, \`daily_penalty\` bigint null, \`overdue_days\` int not null, \`case_status\` varchar(24) not null default 'pending_repayment', \`case_priority\` varchar(16) not null default 'normal', \`case_tags\` json not null, \`custom_fields\` json not null, \`settlement_date\` varchar(10) null, \`queue_id\` int null, \`agency_id\` int null, \`team_group_id\` int null, \`team_id\` int null, \`collector_id\` int null, \`assigned_at\` datetime(3) null, \`last_contact_at\` datetime(3) null, \`push_batch_no\` varchar(64) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_user_name_index\` (\`tenant_id\`, \`user_name\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_mobile_index\` (\`tenant_id\`, \`mobile\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_outstanding_amount_index\` (\`tenant_id\`, \`outstanding_amount\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_overdue_days_index\` (\`tenant_id\`, \`overdue_days\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_collector_id_case_status_index\` (\`tenant_id\`, \`collector_id\`, \`case_status\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_team_id_case_status_index\` (\`tenant_id\`, \`team_id\`, \`case_status\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_agency_id_case_status_index\` (\`tenant_id\`, \`agency_id\`, \`case_status\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_queue_id_case_status_index\` (\`tenant_id\`, \`queue_id\`, \`case_status\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_case_status_overdue_days_index\` (\`tenant_id\`, \`case_status\`, \`overdue_days\`);`);
    this.addSql(`alter table \`collection_case\` add unique \`collection_case_tenant_id_case_code_unique\` (\`tenant_id\`, \`case_code\`);`);

    this.addSql(`create table \`collector\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`user_id\` varchar(36) not null, \`agency_id\` int not null, \`team_id\` int null, \`team_group_id\` int null, \`collector_code\` varchar(50) not null, \`collector_name\` varchar(100) not null, \`employee_no\` varchar(50) null, \`collector_level\` varchar(20) null, \`position\` varchar(20) not null default 'collector', \`max_case_count\` int not null default 100, \`current_case_count\` int not null default 0, \`specialties\` json not null, \`status\` varchar(20) not null default 'active', \`is_active\` tinyint(1) not null default true, \`performance_score\` double null, \`last_activity_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`collector\` add index \`collector_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`collector\` add index \`collector_tenant_id_team_id_status_index\` (\`tenant_id\`, \`team_id\`, \`status\`);`);
    this.addSql(`alter table \`collector\` add index \`collector_tenant_id_agency_id_status_index\` (\`tenant_id\`, \`agency_id\`, \`status\`);`);
    this.addSql(`alter table \`collector\` add unique \`collector_tenant_id_user_id_unique\` (\`tenant_id\`, \`user_id\`);`);
    this.addSql(`alter table \`collector\` add unique \`collector_tenant_id_collector_code_unique\` (\`tenant_id\`, \`collector_code\`);`);

    this.addSql(`create table \`communication\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_id\` int not null, \`collector_id\` int null, \`agency_id\` int null, \`team_id\` int null, \`contact_method\` varchar(16) not null, \`contact_phone\` varchar(32) null, \`contact_result\` varchar(32) not null, \`contact_person\` varchar(32) null, \`communication_content\` text null, \`call_duration_seconds\` int null, \`audio_url\` varchar(500) null, \`tags\` json not null, \`next_follow_up_at\` datetime(3) null, \`provider_ref\` varchar(100) null, \`contact_time\` datetime(3) not null, \`client_id\` varchar(64) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`communication\` add index \`communication_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`communication\` add index \`communication_tenant_id_contact_time_index\` (\`tenant_id\`, \`contact_time\`);`);
    this.addSql(`alter table \`communication\` add index \`communication_tenant_id_collector_id_contact_time_index\` (\`tenant_id\`, \`collector_id\`, \`contact_time\`);`);
    this.addSql(`alter table \`communication\` add index \`communication_tenant_id_case_id_contact_time_index\` (\`tenant_id\`, \`case_id\`, \`contact_time\`);`);
    this.addSql(`alter table \`communication\` add unique \`communication_tenant_id_client_id_unique\` (\`tenant_id\`, \`client_id\`);`);

    this.addSql(`create table \`dead_letter\` (\`id\` varchar(36) not null, \`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`aggregate_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`attempts\` int not null, \`last_error\` text not null, \`dead_at\` datetime(3) not null, \`replayed_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`dead_letter\` add index \`dead_letter_replayed_at_dead_at_index\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`alter table \`dead_letter\` add unique \`dead_letter_consumer_event_id_unique\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`field_display\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`scene_type\` varchar(50) not null, \`field_key\` varchar(100) not null, \`field_name\` varchar(100) not null, \`field_data_type\` varchar(20) not null default 'String', \`field_source\` varchar(20) not null default 'standard', \`sort_order\` int not null default 0, \`display_width\` int null, \`color_type\` varchar(20) not null default 'normal', \`is_searchable\` tinyint(1) not null default false, \`is_filterable\` tinyint(1) not null default false, \`is_range_searchable\` tinyint(1) not null default false) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`field_display\` add index \`field_display_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`field_display\` add index \`field_display_tenant_id_scene_type_sort_order_index\` (\`tenant_id\`, \`scene_type\`, \`sort_order\`);`);
    this.addSql(`alter table \`field_display\` add unique \`field_display_tenant_id_scene_type_field_key_unique\` (\`tenant_id\`, \`scene_type\`, \`field_key\`);`);

    this.addSql(`create table \`field_group\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`group_key\` varchar(50) not null, \`group_name\` varchar(100) not null, \`group_name_en\` varchar(100) null, \`parent_id\` int null, \`sort_order\` int not null default 0) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`field_group\` add unique \`field_group_group_key_unique\` (\`group_key\`);`);

    this.addSql(`create table \`foreign_ref\` (\`entity\` varchar(50) not null, \`ref_id\` varchar(36) not null, \`tenant_id\` varchar(36) null, \`present\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`entity\`, \`ref_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` varchar(100) not null, \`holder\` varchar(100) not null, \`expires_at\` datetime(3) not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`ptp\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_id\` int not null, \`collector_id\` int null, \`agency_id\` int null, \`team_id\` int null, \`promise_date\` varchar(10) not null, \`promise_amount\` bigint not null, \`kept_amount\` bigint not null, \`promise_method\` varchar(20) null, \`confidence_level\` varchar(10) null, \`promise_status\` varchar(16) not null default 'pending', \`notes\` varchar(500) null, \`client_id\` varchar(64) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ptp\` add index \`ptp_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`ptp\` add index \`ptp_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);
    this.addSql(`alter table \`ptp\` add index \`ptp_tenant_id_promise_status_promise_date_index\` (\`tenant_id\`, \`promise_status\`, \`promise_date\`);`);
    this.addSql(`alter table \`ptp\` add index \`ptp_tenant_id_collector_id_promise_date_index\` (\`tenant_id\`, \`collector_id\`, \`promise_date\`);`);
    this.addSql(`alter table \`ptp\` add index \`ptp_tenant_id_case_id_promise_status_index\` (\`tenant_id\`, \`case_id\`, \`promise_status\`);`);
    this.addSql(`alter table \`ptp\` add unique \`ptp_tenant_id_client_id_unique\` (\`tenant_id\`, \`client_id\`);`);

    this.addSql(`create table \`quality_inspection\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`communication_id\` int not null, \`case_id\` int not null, \`collector_id\` int null, \`agency_id\` int null, \`team_id\` int null, \`reviewer_id\` varchar(36) not null, \`score\` int not null, \`result\` varchar(16) not null, \`comments\` varchar(1000) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`quality_inspection\` add index \`quality_inspection_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`quality_inspection\` add index \`quality_inspection_communication_id_index\` (\`communication_id\`);`);
    this.addSql(`alter table \`quality_inspection\` add index \`quality_inspection_tenant_id_collector_id_created_at_index\` (\`tenant_id\`, \`collector_id\`, \`created_at\`);`);
    this.addSql(`alter table \`quality_inspection\` add index \`quality_inspection_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`case_queue\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`queue_code\` varchar(50) not null, \`queue_name\` varchar(100) not null, \`queue_name_en\` varchar(100) null, \`queue_description\` varchar(500) null, \`overdue_days_start\` int not null, \`overdue_days_end\` int null, \`sort_order\` int not null default 0, \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`case_queue\` add index \`case_queue_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`case_queue\` add index \`case_queue_tenant_id_overdue_days_start_index\` (\`tenant_id\`, \`overdue_days_start\`);`);
    this.addSql(`alter table \`case_queue\` add unique \`case_queue_tenant_id_queue_code_unique\` (\`tenant_id\`, \`queue_code\`);`);

    this.addSql(`create table \`queue_field_config\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`queue_id\` int not null, \`field_key\` varchar(100) not null, \`is_visible\` tinyint(1) not null default true, \`is_required\` tinyint(1) not null default false, \`sort_order\` int not null default 0) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`queue_field_config\` add index \`queue_field_config_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`queue_field_config\` add unique \`queue_field_config_tenant_id_queue_id_field_key_unique\` (\`tenant_id\`, \`queue_id\`, \`field_key\`);`);

    this.addSql(`create table \`repayment\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`repayment_id\` varchar(64) not null, \`case_id\` int not null, \`collector_id\` int null, \`agency_id\` int null, \`team_id\` int null, \`repayment_amount\` bigint not null, \`repayment_date\` datetime(3) not null, \`repayment_channel\` varchar(32) null, \`transaction_no\` varchar(100) null, \`source\` varchar(16) not null, \`notes\` varchar(500) null, \`receipt_file_id\` varchar(64) null, \`client_id\` varchar(64) null, \`confirmed\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`repayment\` add index \`repayment_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`repayment\` add index \`repayment_tenant_id_repayment_date_index\` (\`tenant_id\`, \`repayment_date\`);`);
    this.addSql(`alter table \`repayment\` add index \`repayment_tenant_id_collector_id_repayment_date_index\` (\`tenant_id\`, \`collector_id\`, \`repayment_date\`);`);
    this.addSql(`alter table \`repayment\` add index \`repayment_tenant_id_case_id_repayment_date_index\` (\`tenant_id\`, \`case_id\`, \`repayment_date\`);`);
    this.addSql(`alter table \`repayment\` add unique \`repayment_tenant_id_repayment_id_unique\` (\`tenant_id\`, \`repayment_id\`);`);

    this.addSql(`create table \`standard_field\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`field_key\` varchar(100) not null, \`field_name\` varchar(100) not null, \`field_name_en\` varchar(100) null, \`field_type\` varchar(20) not null, \`field_group_id\` int null, \`is_required\` tinyint(1) not null default false, \`is_extended\` tinyint(1) not null default false, \`sort_order\` int not null default 0, \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`standard_field\` add unique \`standard_field_field_key_unique\` (\`field_key\`);`);

    this.addSql(`create table \`system_config\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`config_key\` varchar(100) not null, \`config_value\` json not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`system_config\` add index \`system_config_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`system_config\` add unique \`system_config_tenant_id_config_key_unique\` (\`tenant_id\`, \`config_key\`);`);

    this.addSql(`create table \`team\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`agency_id\` int not null, \`team_group_id\` int null, \`queue_id\` int null, \`team_code\` varchar(50) not null, \`team_name\` varchar(100) not null, \`team_name_en\` varchar(100) null, \`team_type\` varchar(50) null, \`description\` varchar(500) null, \`team_leader_id\` int null, \`max_case_count\` int not null default 0, \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`team\` add index \`team_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`team\` add index \`team_tenant_id_team_group_id_index\` (\`tenant_id\`, \`team_group_id\`);`);
    this.addSql(`alter table \`team\` add index \`team_tenant_id_agency_id_index\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`alter table \`team\` add unique \`team_tenant_id_team_code_unique\` (\`tenant_id\`, \`team_code\`);`);

    this.addSql(`create table \`team_group\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`agency_id\` int not null, \`group_code\` varchar(50) not null, \`group_name\` varchar(100) not null, \`group_name_en\` varchar(100) null, \`description\` varchar(500) null, \`spv_id\` int null, \`sort_order\` int not null default 0, \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`team_group\` add index \`team_group_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`team_group\` add index \`team_group_tenant_id_agency_id_index\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`alter table \`team_group\` add unique \`team_group_tenant_id_group_code_unique\` (\`tenant_id\`, \`group_code\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`agency\`;`);
    this.addSql(`drop table if exists \`agency_working_hour\`;`);
    this.addSql(`drop table if exists \`case_assignment\`;`);
    this.addSql(`drop table if exists \`case_contact\`;`);
    this.addSql(`drop table if exists \`collection_case\`;`);
    this.addSql(`drop table if exists \`collector\`;`);
    this.addSql(`drop table if exists \`communication\`;`);
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`field_display\`;`);
    this.addSql(`drop table if exists \`field_group\`;`);
    this.addSql(`drop table if exists \`foreign_ref\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`ptp\`;`);
    this.addSql(`drop table if exists \`quality_inspection\`;`);
    this.addSql(`drop table if exists \`case_queue\`;`);
    this.addSql(`drop table if exists \`queue_field_config\`;`);
    this.addSql(`drop table if exists \`repayment\`;`);
    this.addSql(`drop table if exists \`standard_field\`;`);
    this.addSql(`drop table if exists \`system_config\`;`);
    this.addSql(`drop table if exists \`team\`;`);
    this.addSql(`drop table if exists \`team_group\`;`);
  }

}
