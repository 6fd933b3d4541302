-- Schema1795595393811: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).
-- squawk-ignore-file prefer-bigint-over-int
--   why: no key is an integer (every id is a uuid but two below); integer columns hold bounded values (version numbers, counts, ranks, HTTP statuses) whose DTOs cap them at the integer range
-- squawk-ignore-file prefer-identity
--   why: the two SERIAL ids (tables created empty in this first migration, ids never exposed); moving them to identity columns would rewrite the tables for no gain

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "password" text NOT NULL,
                "is_admin" boolean NOT NULL DEFAULT false,
                CONSTRAINT "users_username_unique" UNIQUE ("username"),
                CONSTRAINT "users_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "admin_settings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "namespace" text NOT NULL,
                "key" text NOT NULL,
                "value" jsonb NOT NULL,
                "description" text,
                "is_secret" boolean NOT NULL DEFAULT false,
                "is_read_only" boolean NOT NULL DEFAULT false,
                "updated_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "admin_settings_namespace_key_unique" UNIQUE ("namespace", "key"),
                CONSTRAINT "admin_settings_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "admin_settings_updated_by_idx" ON "admin_settings" ("updated_by");
CREATE INDEX "admin_settings_key_idx" ON "admin_settings" ("key");
CREATE INDEX "admin_settings_namespace_idx" ON "admin_settings" ("namespace");
CREATE TABLE "agent_status" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "is_running" boolean NOT NULL DEFAULT false,
                "last_heartbeat" TIMESTAMP WITH TIME ZONE,
                "total_trades" integer DEFAULT '0',
                "total_pnl" numeric DEFAULT '0',
                "win_rate" numeric,
                "cash_balance" numeric DEFAULT '100000',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kill_switch_active" boolean NOT NULL DEFAULT false,
                "max_position_size_percent" numeric DEFAULT '10',
                "max_total_exposure_percent" numeric DEFAULT '50',
                "max_positions_count" integer DEFAULT '10',
                "daily_loss_limit_percent" numeric DEFAULT '5',
                "dynamic_order_limit" integer DEFAULT '10',
                "min_order_limit" integer DEFAULT '10',
                "max_order_limit" integer DEFAULT '50',
                "market_condition" text DEFAULT 'neutral',
                "ai_confidence_score" numeric DEFAULT '0.5',
                "auto_start_enabled" boolean NOT NULL DEFAULT true,
                "last_market_analysis" TIMESTAMP WITH TIME ZONE,
                "auto_execute_trades" boolean NOT NULL DEFAULT false,
                "conservative_mode" boolean NOT NULL DEFAULT false,
                CONSTRAINT "agent_status_pkey" PRIMARY KEY ("id")
            );
CREATE UNIQUE INDEX "agent_status_singleton" ON "agent_status" ((true));
CREATE TABLE "ai_agent_profiles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text,
                "provider" text NOT NULL,
                "model" text NOT NULL,
                "role" text NOT NULL,
                "mode" text NOT NULL DEFAULT 'cheap_first',
                "temperature" numeric DEFAULT '0.7',
                "max_tokens" integer DEFAULT '2000',
                "prompt_template_id" text,
                "tool_policy" jsonb,
                "budget_limit_per_day" numeric,
                "budget_limit_per_run" numeric,
                "priority" integer DEFAULT '0',
                "status" text NOT NULL DEFAULT 'active',
                "total_calls" integer NOT NULL DEFAULT '0',
                "total_tokens" integer NOT NULL DEFAULT '0',
                "total_cost_usd" numeric NOT NULL DEFAULT '0',
                "avg_latency_ms" numeric,
                "success_rate" numeric,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ai_agent_profiles_name_unique" UNIQUE ("name"),
                CONSTRAINT "ai_agent_profiles_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_agent_profiles_mode_idx" ON "ai_agent_profiles" ("mode");
CREATE INDEX "ai_agent_profiles_role_idx" ON "ai_agent_profiles" ("role");
CREATE INDEX "ai_agent_profiles_status_idx" ON "ai_agent_profiles" ("status");
CREATE TABLE "strategies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "type" text NOT NULL,
                "description" text,
                "is_active" boolean NOT NULL DEFAULT false,
                "assets" text array,
                "parameters" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "strategies_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "strategy_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "strategy_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "name" text NOT NULL,
                "spec" jsonb NOT NULL,
                "universe_config" jsonb,
                "signals_config" jsonb,
                "risk_config" jsonb,
                "llm_policy" jsonb,
                "prompt_template" text,
                "status" text NOT NULL DEFAULT 'draft',
                "dry_run_result" jsonb,
                "change_notes" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "activated_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "strategy_versions_unique" UNIQUE ("strategy_id", "version"),
                CONSTRAINT "strategy_versions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "strategy_versions_status_idx" ON "strategy_versions" ("status");
CREATE INDEX "strategy_versions_strategy_id_idx" ON "strategy_versions" ("strategy_id");
CREATE TABLE "ai_arena_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trace_id" text NOT NULL,
                "mode" text NOT NULL DEFAULT 'debate',
                "symbols" text array NOT NULL,
                "agent_profile_ids" text array NOT NULL,
                "market_snapshot_hash" text,
                "portfolio_snapshot_hash" text,
                "strategy_version_id" uuid,
                "status" text NOT NULL DEFAULT 'pending',
                "started_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "duration_ms" integer,
                "total_tokens_used" integer DEFAULT '0',
                "total_cost_usd" numeric DEFAULT '0',
                "escalation_triggered" boolean DEFAULT false,
                "escalation_reason" text,
                "consensus_reached" boolean,
                "final_decision" text,
                "disagreement_rate" numeric,
                "avg_confidence" numeric,
                "triggered_by" text,
                "outcome_linked" boolean DEFAULT false,
                "notes" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ai_arena_runs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_arena_runs_strategy_version_id_idx" ON "ai_arena_runs" ("strategy_version_id");
CREATE INDEX "ai_arena_runs_created_at_idx" ON "ai_arena_runs" ("created_at");
CREATE INDEX "ai_arena_runs_mode_idx" ON "ai_arena_runs" ("mode");
CREATE INDEX "ai_arena_runs_status_idx" ON "ai_arena_runs" ("status");
CREATE INDEX "ai_arena_runs_trace_id_idx" ON "ai_arena_runs" ("trace_id");
CREATE TABLE "ai_arena_agent_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "arena_run_id" uuid NOT NULL,
                "agent_profile_id" uuid NOT NULL,
                "role" text NOT NULL,
                "action" text NOT NULL,
                "symbols" text array,
                "confidence" numeric,
                "stance" text,
                "rationale" text,
                "key_signals" jsonb,
                "risks" jsonb,
                "proposed_order" jsonb,
                "tokens_used" integer,
                "cost_usd" numeric,
                "latency_ms" integer,
                "model_used" text,
                "was_escalation" boolean DEFAULT false,
                "raw_output" text,
                "tool_calls_count" integer DEFAULT '0',
                "error_message" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ai_arena_agent_decisions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_arena_agent_decisions_role_idx" ON "ai_arena_agent_decisions" ("role");
CREATE INDEX "ai_arena_agent_decisions_agent_profile_id_idx" ON "ai_arena_agent_decisions" ("agent_profile_id");
CREATE INDEX "ai_arena_agent_decisions_run_id_idx" ON "ai_arena_agent_decisions" ("arena_run_id");
CREATE TABLE "ai_calibration_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "calibration_type" text NOT NULL,
                "data_window_days" integer DEFAULT '30',
                "total_decisions" integer,
                "win_count" integer,
                "loss_count" integer,
                "avg_confidence_on_wins" numeric,
                "avg_confidence_on_losses" numeric,
                "avg_holding_time_wins" integer,
                "avg_holding_time_losses" integer,
                "top_winning_symbols" text,
                "top_losing_symbols" text,
                "recommended_adjustments" text,
                "model_version" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ai_calibration_log_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "fills" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "broker" text NOT NULL,
                "broker_order_id" text NOT NULL,
                "broker_fill_id" text,
                "order_id" uuid,
                "symbol" text NOT NULL,
                "side" text NOT NULL,
                "qty" numeric NOT NULL,
                "price" numeric NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "trace_id" text,
                "raw_json" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "fills_broker_fill_id_unique" UNIQUE ("broker_fill_id"),
                CONSTRAINT "fills_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "fills_trace_id_idx" ON "fills" ("trace_id");
CREATE INDEX "fills_symbol_idx" ON "fills" ("symbol");
CREATE INDEX "fills_order_id_idx" ON "fills" ("order_id");
CREATE INDEX "fills_broker_order_id_idx" ON "fills" ("broker_order_id");
CREATE TABLE "work_item_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "work_item_id" uuid NOT NULL,
                "attempt_number" integer NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "status" text NOT NULL DEFAULT 'RUNNING',
                "error" text,
                "duration_ms" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "work_item_runs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "work_item_runs_work_item_id_idx" ON "work_item_runs" ("work_item_id");
CREATE TABLE "work_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" text NOT NULL,
                "status" text NOT NULL DEFAULT 'PENDING',
                "attempts" integer NOT NULL DEFAULT '0',
                "max_attempts" integer NOT NULL DEFAULT '3',
                "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_error" text,
                "payload" text,
                "idempotency_key" text,
                "decision_id" uuid,
                "broker_order_id" text,
                "symbol" text,
                "result" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "work_items_idempotency_key_unique" UNIQUE ("idempotency_key"),
                CONSTRAINT "work_items_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "work_items_decision_id_idx" ON "work_items" ("decision_id");
CREATE TABLE "orders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "broker" text NOT NULL,
                "broker_order_id" text NOT NULL,
                "client_order_id" text,
                "symbol" text NOT NULL,
                "side" text NOT NULL,
                "type" text NOT NULL,
                "time_in_force" text,
                "qty" numeric,
                "notional" numeric,
                "limit_price" numeric,
                "stop_price" numeric,
                "status" text NOT NULL,
                "extended_hours" boolean DEFAULT false,
                "order_class" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "filled_at" TIMESTAMP WITH TIME ZONE,
                "expired_at" TIMESTAMP WITH TIME ZONE,
                "canceled_at" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                "filled_qty" numeric,
                "filled_avg_price" numeric,
                "trace_id" text,
                "decision_id" uuid,
                "trade_intent_id" uuid,
                "work_item_id" uuid,
                "raw_json" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "orders_client_order_id_unique" UNIQUE ("client_order_id"),
                CONSTRAINT "orders_broker_order_id_unique" UNIQUE ("broker_order_id"),
                CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "orders_work_item_id_idx" ON "orders" ("work_item_id");
CREATE INDEX "orders_trade_intent_id_idx" ON "orders" ("trade_intent_id");
CREATE INDEX "orders_decision_id_idx" ON "orders" ("decision_id");
CREATE INDEX "orders_trace_id_idx" ON "orders" ("trace_id");
CREATE INDEX "orders_status_idx" ON "orders" ("status");
CREATE INDEX "orders_symbol_idx" ON "orders" ("symbol");
CREATE INDEX "orders_client_order_id_idx" ON "orders" ("client_order_id");
CREATE INDEX "orders_broker_order_id_idx" ON "orders" ("broker_order_id");
CREATE INDEX "orders_user_id_idx" ON "orders" ("user_id");
CREATE TABLE "trades" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "strategy_id" uuid,
                "order_id" uuid,
                "symbol" text NOT NULL,
                "side" text NOT NULL,
                "quantity" numeric NOT NULL,
                "price" numeric NOT NULL,
                "executed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "pnl" numeric,
                "status" text NOT NULL DEFAULT 'completed',
                "notes" text,
                "trace_id" text,
                CONSTRAINT "trades_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "trades_user_id_idx" ON "trades" ("user_id");
CREATE TABLE "ai_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "strategy_id" uuid,
                "symbol" text NOT NULL,
                "action" text NOT NULL,
                "confidence" numeric,
                "reasoning" text,
                "market_context" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "executed_trade_id" uuid,
                "status" text NOT NULL DEFAULT 'pending',
                "stop_loss" numeric,
                "take_profit" numeric,
                "entry_price" numeric,
                "filled_price" numeric,
                "filled_at" TIMESTAMP WITH TIME ZONE,
                "skip_reason" text,
                "trace_id" text,
                "metadata" text,
                CONSTRAINT "ai_decisions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_decisions_executed_trade_id_idx" ON "ai_decisions" ("executed_trade_id");
CREATE INDEX "ai_decisions_user_id_idx" ON "ai_decisions" ("user_id");
CREATE TABLE "ai_decision_features" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "symbol" text NOT NULL,
                "volatility" numeric,
                "trend_strength" numeric,
                "signal_agreement" numeric,
                "sentiment_score" numeric,
                "pe_ratio" numeric,
                "pb_ratio" numeric,
                "rsi" numeric,
                "macd_signal" text,
                "volume_ratio" numeric,
                "price_change_percent" numeric,
                "market_condition" text,
                "data_quality" numeric,
                "active_sources" integer,
                "feature_vector" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ai_decision_features_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_decision_features_decision_id_idx" ON "ai_decision_features" ("decision_id");
CREATE TABLE "debate_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "role" text NOT NULL,
                "stance" text,
                "confidence" numeric,
                "key_signals" jsonb,
                "risks" jsonb,
                "invalidation_points" jsonb,
                "proposed_action" text,
                "proposed_order" jsonb,
                "evidence_refs" jsonb,
                "raw_output" text,
                "provider" text,
                "model" text,
                "tokens_used" integer,
                "estimated_cost" numeric,
                "latency_ms" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "debate_messages_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "debate_messages_role_idx" ON "debate_messages" ("role");
CREATE INDEX "debate_messages_session_id_idx" ON "debate_messages" ("session_id");
CREATE TABLE "debate_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trace_id" text NOT NULL,
                "strategy_version_id" uuid,
                "symbols" text array NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "triggered_by" text,
                "market_context" jsonb,
                "config" jsonb,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "duration_ms" integer,
                "total_cost" numeric,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "debate_sessions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "debate_sessions_created_at_idx" ON "debate_sessions" ("created_at");
CREATE INDEX "debate_sessions_status_idx" ON "debate_sessions" ("status");
CREATE INDEX "debate_sessions_trace_id_idx" ON "debate_sessions" ("trace_id");
CREATE TABLE "debate_consensus" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "decision" text NOT NULL,
                "order_intent" jsonb,
                "reasons_summary" text,
                "risk_checks" jsonb,
                "confidence" numeric,
                "dissent" jsonb,
                "work_item_id" uuid,
                "broker_order_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "debate_consensus_session_id_unique" UNIQUE ("session_id"),
                CONSTRAINT "debate_consensus_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "debate_consensus_work_item_id_idx" ON "debate_consensus" ("work_item_id");
CREATE INDEX "debate_consensus_session_id_idx" ON "debate_consensus" ("session_id");
CREATE TABLE "ai_outcome_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consensus_id" uuid,
                "debate_session_id" uuid,
                "decision_id" uuid,
                "work_item_id" uuid,
                "broker_order_id" text,
                "symbol" text NOT NULL,
                "side" text NOT NULL,
                "intended_qty" numeric,
                "intended_notional" numeric,
                "filled_qty" numeric,
                "filled_avg_price" numeric,
                "fill_count" integer DEFAULT '0',
                "status" text NOT NULL DEFAULT 'pending',
                "pnl_realized" numeric,
                "pnl_unrealized" numeric,
                "entry_price" numeric,
                "exit_price" numeric,
                "hold_duration_ms" integer,
                "outcome" text DEFAULT 'unknown',
                "llm_cost_usd" numeric,
                "trace_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ai_outcome_links_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_outcome_links_decision_id_idx" ON "ai_outcome_links" ("decision_id");
CREATE INDEX "ai_outcome_links_created_at_idx" ON "ai_outcome_links" ("created_at");
CREATE INDEX "ai_outcome_links_outcome_idx" ON "ai_outcome_links" ("outcome");
CREATE INDEX "ai_outcome_links_status_idx" ON "ai_outcome_links" ("status");
CREATE INDEX "ai_outcome_links_symbol_idx" ON "ai_outcome_links" ("symbol");
CREATE INDEX "ai_outcome_links_work_item_id_idx" ON "ai_outcome_links" ("work_item_id");
CREATE INDEX "ai_outcome_links_debate_session_id_idx" ON "ai_outcome_links" ("debate_session_id");
CREATE INDEX "ai_outcome_links_consensus_id_idx" ON "ai_outcome_links" ("consensus_id");
CREATE TABLE "ai_trade_outcomes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "trade_id" uuid,
                "symbol" text NOT NULL,
                "action" text NOT NULL,
                "prediction_confidence" numeric,
                "entry_price" numeric,
                "exit_price" numeric,
                "quantity" numeric,
                "realized_pnl" numeric,
                "realized_pnl_percent" numeric,
                "holding_time_ms" integer,
                "is_win" boolean,
                "slippage_percent" numeric,
                "target_price_hit" boolean,
                "stop_loss_hit" boolean,
                "max_drawdown" numeric,
                "max_gain" numeric,
                "market_session_at_entry" text,
                "market_session_at_exit" text,
                "strategy_id" uuid,
                "exit_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ai_trade_outcomes_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "ai_trade_outcomes_trade_id_idx" ON "ai_trade_outcomes" ("trade_id");
CREATE INDEX "ai_trade_outcomes_strategy_id_idx" ON "ai_trade_outcomes" ("strategy_id");
CREATE INDEX "ai_trade_outcomes_decision_id_idx" ON "ai_trade_outcomes" ("decision_id");
CREATE TABLE "alert_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text,
                "rule_type" text NOT NULL,
                "condition" jsonb NOT NULL,
                "threshold" numeric NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "webhook_url" text,
                "last_triggered_at" TIMESTAMP WITH TIME ZONE,
                "last_checked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "alert_rules_name_unique" UNIQUE ("name"),
                CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "alert_rules_type_idx" ON "alert_rules" ("rule_type");
CREATE INDEX "alert_rules_enabled_idx" ON "alert_rules" ("enabled");
CREATE TABLE "alert_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "rule_id" uuid NOT NULL,
                "rule_name" text NOT NULL,
                "rule_type" text NOT NULL,
                "triggered_value" numeric NOT NULL,
                "threshold" numeric NOT NULL,
                "status" text NOT NULL DEFAULT 'triggered',
                "webhook_sent" boolean DEFAULT false,
                "webhook_response" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "alert_events_created_at_idx" ON "alert_events" ("created_at");
CREATE INDEX "alert_events_rule_id_idx" ON "alert_events" ("rule_id");
CREATE TABLE "allocation_policies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text,
                "is_active" boolean NOT NULL DEFAULT false,
                "max_position_weight_pct" numeric DEFAULT '8',
                "max_sector_weight_pct" numeric DEFAULT '25',
                "min_liquidity_tier" text DEFAULT 'B',
                "profit_taking_threshold_pct" numeric DEFAULT '20',
                "overweight_threshold_pct" numeric DEFAULT '50',
                "rotation_top_n" integer DEFAULT '10',
                "rebalance_frequency" text DEFAULT 'daily',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "allocation_policies_name_unique" UNIQUE ("name"),
                CONSTRAINT "allocation_policies_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "allocation_policies_created_by_idx" ON "allocation_policies" ("created_by");
CREATE INDEX "allocation_policies_active_idx" ON "allocation_policies" ("is_active");
CREATE TABLE "data_source_analysis" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid,
                "symbol" text NOT NULL,
                "source" text NOT NULL,
                "analysis_type" text NOT NULL,
                "data_json" jsonb NOT NULL,
                "score" numeric,
                "signal" text,
                "confidence" numeric,
                "reliability" numeric,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "data_source_analysis_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "data_source_analysis_created_at_idx" ON "data_source_analysis" ("created_at");
CREATE INDEX "data_source_analysis_source_idx" ON "data_source_analysis" ("source");
CREATE INDEX "data_source_analysis_symbol_idx" ON "data_source_analysis" ("symbol");
CREATE INDEX "data_source_analysis_decision_id_idx" ON "data_source_analysis" ("decision_id");
CREATE TABLE "analysis_feedback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "data_source_analysis_id" uuid,
                "trade_outcome_id" uuid,
                "symbol" text NOT NULL,
                "source" text NOT NULL,
                "signal_at_entry" text,
                "confidence_at_entry" numeric,
                "trade_result" text,
                "pnl_percent" numeric,
                "signal_accuracy" boolean,
                "holding_time_ms" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "analysis_feedback_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "analysis_feedback_trade_outcome_id_idx" ON "analysis_feedback" ("trade_outcome_id");
CREATE INDEX "analysis_feedback_data_source_analysis_id_idx" ON "analysis_feedback" ("data_source_analysis_id");
CREATE INDEX "analysis_feedback_created_at_idx" ON "analysis_feedback" ("created_at");
CREATE INDEX "analysis_feedback_symbol_idx" ON "analysis_feedback" ("symbol");
CREATE INDEX "analysis_feedback_source_idx" ON "analysis_feedback" ("source");
CREATE TABLE "asset_classifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "asset_class" text,
                "market_cap_tier" text,
                "liquidity_tier" text,
                "volatility_tier" text,
                "trend_strength" text,
                "momentum_score" numeric,
                "value_score" numeric,
                "quality_score" numeric,
                "last_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "source" text NOT NULL,
                "raw_json" jsonb,
                CONSTRAINT "asset_classifications_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "asset_classifications_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "asset_classifications_market_cap_tier_idx" ON "asset_classifications" ("market_cap_tier");
CREATE INDEX "asset_classifications_asset_class_idx" ON "asset_classifications" ("asset_class");
CREATE INDEX "asset_classifications_symbol_idx" ON "asset_classifications" ("symbol");
CREATE TABLE "audit_logs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid,
                "username" text,
                "action" text NOT NULL,
                "resource" text NOT NULL,
                "resource_id" text,
                "method" text NOT NULL,
                "path" text NOT NULL,
                "ip_address" text,
                "user_agent" text,
                "request_body" jsonb,
                "response_status" integer,
                "error_message" text,
                "timestamp" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "audit_logs_timestamp_idx" ON "audit_logs" ("timestamp");
CREATE INDEX "audit_logs_resource_idx" ON "audit_logs" ("resource");
CREATE INDEX "audit_logs_action_idx" ON "audit_logs" ("action");
CREATE INDEX "audit_logs_user_id_idx" ON "audit_logs" ("user_id");
CREATE TABLE "backtest_trade_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "run_id" uuid NOT NULL,
                "ts" TIMESTAMP WITH TIME ZONE NOT NULL,
                "symbol" text NOT NULL,
                "side" text NOT NULL,
                "qty" numeric NOT NULL,
                "price" numeric NOT NULL,
                "reason" text NOT NULL,
                "order_type" text NOT NULL,
                "fees" numeric NOT NULL,
                "slippage" numeric NOT NULL,
                "position_after" numeric NOT NULL,
                "cash_after" numeric NOT NULL,
                CONSTRAINT "backtest_trade_events_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "backtest_trade_events_symbol_idx" ON "backtest_trade_events" ("symbol");
CREATE INDEX "backtest_trade_events_ts_idx" ON "backtest_trade_events" ("ts");
CREATE INDEX "backtest_trade_events_run_id_idx" ON "backtest_trade_events" ("run_id");
CREATE TABLE "backtest_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "status" text NOT NULL DEFAULT 'QUEUED',
                "strategy_id" uuid,
                "strategy_config_hash" text NOT NULL,
                "strategy_config" jsonb NOT NULL,
                "universe" text array NOT NULL,
                "broker" text NOT NULL,
                "timeframe" text NOT NULL,
                "start_date" text NOT NULL,
                "end_date" text NOT NULL,
                "initial_cash" numeric NOT NULL,
                "fees_model" jsonb NOT NULL,
                "slippage_model" jsonb NOT NULL,
                "execution_price_rule" text NOT NULL,
                "data_source" text NOT NULL,
                "provenance" jsonb,
                "results_summary" jsonb,
                "error_message" text,
                "runtime_ms" integer,
                CONSTRAINT "backtest_runs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "backtest_runs_created_at_idx" ON "backtest_runs" ("created_at");
CREATE INDEX "backtest_runs_strategy_id_idx" ON "backtest_runs" ("strategy_id");
CREATE INDEX "backtest_runs_status_idx" ON "backtest_runs" ("status");
CREATE TABLE "backtest_equity_curve" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "run_id" uuid NOT NULL,
                "ts" TIMESTAMP WITH TIME ZONE NOT NULL,
                "equity" numeric NOT NULL,
                "cash" numeric NOT NULL,
                "exposure" numeric NOT NULL,
                CONSTRAINT "backtest_equity_curve_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "backtest_equity_curve_ts_idx" ON "backtest_equity_curve" ("ts");
CREATE INDEX "backtest_equity_curve_run_id_idx" ON "backtest_equity_curve" ("run_id");
CREATE TABLE "broker_assets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "alpaca_id" text NOT NULL,
                "symbol" text NOT NULL,
                "name" text NOT NULL,
                "asset_class" text NOT NULL,
                "exchange" text NOT NULL,
                "status" text NOT NULL,
                "tradable" boolean NOT NULL DEFAULT false,
                "marginable" boolean NOT NULL DEFAULT false,
                "shortable" boolean NOT NULL DEFAULT false,
                "easy_to_borrow" boolean NOT NULL DEFAULT false,
                "fractionable" boolean NOT NULL DEFAULT false,
                "min_order_size" numeric,
                "min_trade_increment" numeric,
                "price_increment" numeric,
                "last_synced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "broker_assets_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "broker_assets_alpaca_id_unique" UNIQUE ("alpaca_id"),
                CONSTRAINT "broker_assets_symbol_upper" CHECK ("symbol" = upper("symbol")),
                CONSTRAINT "broker_assets_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "trader_profiles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text,
                "strategy_version_id" uuid,
                "model_profile" jsonb,
                "risk_preset" jsonb,
                "universe_filter" jsonb,
                "is_promoted" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'active',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "trader_profiles_name_unique" UNIQUE ("name"),
                CONSTRAINT "trader_profiles_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "trader_profiles_promoted_idx" ON "trader_profiles" ("is_promoted");
CREATE INDEX "trader_profiles_status_idx" ON "trader_profiles" ("status");
CREATE TABLE "competition_scores" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "run_id" uuid NOT NULL,
                "trader_profile_id" uuid NOT NULL,
                "total_pnl" numeric NOT NULL DEFAULT '0',
                "roi" numeric NOT NULL DEFAULT '0',
                "max_drawdown" numeric NOT NULL DEFAULT '0',
                "win_rate" numeric NOT NULL DEFAULT '0',
                "avg_hold_time" integer,
                "trade_count" integer NOT NULL DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "cost_per_decision" numeric,
                "slippage_proxy" numeric,
                "rank" integer,
                "snapshot_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "details" jsonb,
                CONSTRAINT "competition_scores_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "competition_scores_rank_idx" ON "competition_scores" ("rank");
CREATE INDEX "competition_scores_trader_id_idx" ON "competition_scores" ("trader_profile_id");
CREATE INDEX "competition_scores_run_id_idx" ON "competition_scores" ("run_id");
CREATE TABLE "competition_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "trace_id" text NOT NULL,
                "mode" text NOT NULL,
                "trader_ids" text array NOT NULL,
                "universe_symbols" text array,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "duration_minutes" integer,
                "status" text NOT NULL DEFAULT 'pending',
                "config" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "competition_runs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "competition_runs_status_idx" ON "competition_runs" ("status");
CREATE INDEX "competition_runs_trace_id_idx" ON "competition_runs" ("trace_id");
CREATE TABLE "connector_metrics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "connector" text NOT NULL,
                "endpoint" text NOT NULL,
                "date" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "total_requests" integer NOT NULL DEFAULT '0',
                "success_count" integer NOT NULL DEFAULT '0',
                "failure_count" integer NOT NULL DEFAULT '0',
                "cache_hits" integer NOT NULL DEFAULT '0',
                "cache_misses" integer NOT NULL DEFAULT '0',
                "rate_limit_hits" integer NOT NULL DEFAULT '0',
                "fallback_used" integer NOT NULL DEFAULT '0',
                "avg_latency_ms" numeric,
                "p50_latency_ms" numeric,
                "p95_latency_ms" numeric,
                "p99_latency_ms" numeric,
                "last_error" text,
                "last_error_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "connector_metrics_connector_endpoint_date_unique" UNIQUE ("connector", "endpoint", "date"),
                CONSTRAINT "connector_metrics_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "connector_metrics_date_idx" ON "connector_metrics" ("date");
CREATE INDEX "connector_metrics_connector_idx" ON "connector_metrics" ("connector");
CREATE TABLE "messages" (
                "id" SERIAL NOT NULL,
                "conversation_id" integer NOT NULL,
                "role" text NOT NULL,
                "content" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "messages_conversation_id_idx" ON "messages" ("conversation_id");
CREATE TABLE "conversations" (
                "id" SERIAL NOT NULL,
                "title" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "external_api_cache_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider" text NOT NULL,
                "cache_key" text NOT NULL,
                "response_json" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "stale_until_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "hit_count" integer NOT NULL DEFAULT '0',
                "last_accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "external_api_cache_entries_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "external_api_usage_counters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider" text NOT NULL,
                "window_type" text NOT NULL,
                "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "window_end" TIMESTAMP WITH TIME ZONE NOT NULL,
                "request_count" integer NOT NULL DEFAULT '0',
                "token_count" integer DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "rate_limit_hits" integer NOT NULL DEFAULT '0',
                "cache_hits" integer NOT NULL DEFAULT '0',
                "cache_misses" integer NOT NULL DEFAULT '0',
                "avg_latency_ms" numeric,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "external_api_usage_counters_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "insider_activity_analysis" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "total_buys" numeric DEFAULT '0',
                "total_sells" numeric DEFAULT '0',
                "net_activity" numeric DEFAULT '0',
                "net_value" numeric DEFAULT '0',
                "buy_to_sell_ratio" numeric,
                "sentiment" text,
                "recent_transactions_json" jsonb,
                "analysis_window_days" integer DEFAULT '90',
                "analysis_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "insider_activity_symbol_date_unique" UNIQUE ("symbol", "analysis_date"),
                CONSTRAINT "insider_activity_analysis_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "insider_activity_date_idx" ON "insider_activity_analysis" ("analysis_date");
CREATE INDEX "insider_activity_symbol_idx" ON "insider_activity_analysis" ("symbol");
CREATE TABLE "llm_calls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "role" text NOT NULL,
                "provider" text NOT NULL,
                "model" text NOT NULL,
                "prompt_tokens" integer,
                "completion_tokens" integer,
                "total_tokens" integer,
                "estimated_cost" numeric,
                "latency_ms" integer,
                "status" text NOT NULL DEFAULT 'success',
                "error_message" text,
                "system_prompt" text,
                "user_prompt" text,
                "response" text,
                "cache_hit" boolean NOT NULL DEFAULT false,
                "fallback_used" boolean NOT NULL DEFAULT false,
                "fallback_reason" text,
                "trace_id" text,
                "criticality" text,
                "purpose" text,
                "metadata" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "llm_role_configs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "role" text NOT NULL,
                "description" text,
                "fallback_chain" text NOT NULL,
                "max_tokens" integer DEFAULT '1000',
                "temperature" numeric DEFAULT '0.3',
                "enable_citations" boolean NOT NULL DEFAULT false,
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "llm_role_configs_role_unique" UNIQUE ("role"),
                CONSTRAINT "llm_role_configs_pkey" PRIMARY KEY ("id")
            );
CREATE TABLE "macro_analysis" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "vix" numeric,
                "fed_funds_rate" numeric,
                "yield_curve" numeric,
                "inflation" numeric,
                "unemployment" numeric,
                "market_regime" text,
                "indicators_json" jsonb,
                "analysis_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "macro_analysis_date_unique" UNIQUE ("analysis_date"),
                CONSTRAINT "macro_analysis_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "macro_analysis_date_idx" ON "macro_analysis" ("analysis_date");
CREATE TABLE "macro_indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "indicator_id" text NOT NULL,
                "name" text NOT NULL,
                "category" text NOT NULL,
                "latest_value" numeric,
                "previous_value" numeric,
                "change_percent" numeric,
                "frequency" text,
                "last_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "source" text NOT NULL DEFAULT 'FRED',
                "raw_json" jsonb,
                CONSTRAINT "macro_indicators_indicator_id_unique" UNIQUE ("indicator_id"),
                CONSTRAINT "macro_indicators_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "macro_indicators_indicator_id_idx" ON "macro_indicators" ("indicator_id");
CREATE INDEX "macro_indicators_category_idx" ON "macro_indicators" ("category");
CREATE TABLE "positions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "symbol" text NOT NULL,
                "quantity" numeric NOT NULL,
                "entry_price" numeric NOT NULL,
                "current_price" numeric,
                "unrealized_pnl" numeric,
                "side" text NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "strategy_id" uuid,
                CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "positions_user_id_idx" ON "positions" ("user_id");
CREATE TABLE "rebalance_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "policy_id" uuid,
                "trace_id" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "trigger_type" text NOT NULL,
                "input_snapshot" jsonb,
                "order_intents" jsonb,
                "executed_orders" jsonb,
                "rationale" text,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "rebalance_runs_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "rebalance_runs_policy_id_idx" ON "rebalance_runs" ("policy_id");
CREATE INDEX "rebalance_runs_status_idx" ON "rebalance_runs" ("status");
CREATE INDEX "rebalance_runs_trace_id_idx" ON "rebalance_runs" ("trace_id");
CREATE TABLE "sessions" (
                "id" text NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "sessions_expires_at_idx" ON "sessions" ("expires_at");
CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id");
CREATE TABLE "short_interest_analysis" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "short_ratio" numeric NOT NULL,
                "short_volume" numeric,
                "total_volume" numeric,
                "days_to_cover" numeric,
                "short_ratio_trend" text,
                "squeeze_potential" text,
                "average_short_ratio" numeric,
                "analysis_date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "short_interest_symbol_date_unique" UNIQUE ("symbol", "analysis_date"),
                CONSTRAINT "short_interest_analysis_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "short_interest_date_idx" ON "short_interest_analysis" ("analysis_date");
CREATE INDEX "short_interest_symbol_idx" ON "short_interest_analysis" ("symbol");
CREATE TABLE "tool_invocations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trace_id" text NOT NULL,
                "tool_name" text NOT NULL,
                "category" text NOT NULL,
                "input_params" jsonb,
                "output_result" jsonb,
                "status" text NOT NULL DEFAULT 'pending',
                "error_message" text,
                "cache_hit" boolean NOT NULL DEFAULT false,
                "latency_ms" integer,
                "caller_role" text,
                "debate_session_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "tool_invocations_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "tool_invocations_session_id_idx" ON "tool_invocations" ("debate_session_id");
CREATE INDEX "tool_invocations_created_at_idx" ON "tool_invocations" ("created_at");
CREATE INDEX "tool_invocations_tool_name_idx" ON "tool_invocations" ("tool_name");
CREATE INDEX "tool_invocations_trace_id_idx" ON "tool_invocations" ("trace_id");
CREATE TABLE "universe_assets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "name" text NOT NULL,
                "exchange" text NOT NULL,
                "asset_class" text NOT NULL,
                "status" text NOT NULL,
                "tradable" boolean NOT NULL DEFAULT false,
                "marginable" boolean NOT NULL DEFAULT false,
                "shortable" boolean NOT NULL DEFAULT false,
                "fractionable" boolean NOT NULL DEFAULT false,
                "easy_to_borrow" boolean NOT NULL DEFAULT false,
                "is_otc" boolean NOT NULL DEFAULT false,
                "is_spac" boolean NOT NULL DEFAULT false,
                "is_penny_stock" boolean NOT NULL DEFAULT false,
                "excluded" boolean NOT NULL DEFAULT false,
                "exclude_reason" text,
                "last_refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "raw_json" jsonb,
                CONSTRAINT "universe_assets_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "universe_assets_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "universe_assets_exchange_idx" ON "universe_assets" ("exchange");
CREATE INDEX "universe_assets_tradable_idx" ON "universe_assets" ("tradable");
CREATE INDEX "universe_assets_symbol_idx" ON "universe_assets" ("symbol");
CREATE TABLE "universe_candidates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "tier" text NOT NULL,
                "liquidity_score" numeric,
                "growth_score" numeric,
                "quality_score" numeric,
                "final_score" numeric,
                "theme_tags" jsonb,
                "rationale" text,
                "status" text NOT NULL DEFAULT 'NEW',
                "approved_by" uuid,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "trace_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "universe_candidates_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "universe_candidates_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "universe_candidates_approved_by_idx" ON "universe_candidates" ("approved_by");
CREATE INDEX "universe_candidates_final_score_idx" ON "universe_candidates" ("final_score");
CREATE INDEX "universe_candidates_tier_idx" ON "universe_candidates" ("tier");
CREATE INDEX "universe_candidates_status_idx" ON "universe_candidates" ("status");
CREATE INDEX "universe_candidates_symbol_idx" ON "universe_candidates" ("symbol");
CREATE TABLE "universe_fundamentals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "market_cap" numeric,
                "revenue_ttm" numeric,
                "revenue_cagr_3y" numeric,
                "gross_margin" numeric,
                "operating_margin" numeric,
                "net_margin" numeric,
                "free_cash_flow_margin" numeric,
                "debt_to_equity" numeric,
                "shares_dilution_1y" numeric,
                "pe_ratio" numeric,
                "price_to_book" numeric,
                "beta" numeric,
                "week_52_high" numeric,
                "week_52_low" numeric,
                "dividend_yield" numeric,
                "sector" text,
                "industry" text,
                "source" text NOT NULL,
                "last_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "raw_json" jsonb,
                CONSTRAINT "universe_fundamentals_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "universe_fundamentals_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "universe_fundamentals_sector_idx" ON "universe_fundamentals" ("sector");
CREATE INDEX "universe_fundamentals_symbol_idx" ON "universe_fundamentals" ("symbol");
CREATE TABLE "universe_liquidity_metrics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "avg_daily_volume_shares" numeric,
                "avg_daily_traded_value_usd" numeric,
                "avg_bid_ask_spread_pct" numeric,
                "latest_price" numeric,
                "price_data_days" integer DEFAULT '30',
                "liquidity_tier" text,
                "source" text NOT NULL,
                "last_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "raw_json" jsonb,
                CONSTRAINT "universe_liquidity_metrics_symbol_unique" UNIQUE ("symbol"),
                CONSTRAINT "universe_liquidity_metrics_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "universe_liquidity_tier_idx" ON "universe_liquidity_metrics" ("liquidity_tier");
CREATE INDEX "universe_liquidity_symbol_idx" ON "universe_liquidity_metrics" ("symbol");
CREATE TABLE "universe_technicals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "symbol" text NOT NULL,
                "date" TIMESTAMP WITH TIME ZONE NOT NULL,
                "open" numeric,
                "high" numeric,
                "low" numeric,
                "close" numeric,
                "volume" numeric,
                "vwap" numeric,
                "sma_20" numeric,
                "sma_50" numeric,
                "sma_200" numeric,
                "ema_12" numeric,
                "ema_26" numeric,
                "rsi_14" numeric,
                "macd" numeric,
                "macd_signal" numeric,
                "macd_histogram" numeric,
                "atr_14" numeric,
                "bollinger_upper" numeric,
                "bollinger_lower" numeric,
                "adx_14" numeric,
                "plus_di" numeric,
                "minus_di" numeric,
                "pivot_point" numeric,
                "resistance_1" numeric,
                "support_1" numeric,
                "source" text NOT NULL,
                "last_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "universe_technicals_symbol_date_unique" UNIQUE ("symbol", "date"),
                CONSTRAINT "universe_technicals_pkey" PRIMARY KEY ("id")
            );
CREATE INDEX "universe_technicals_date_idx" ON "universe_technicals" ("date");
CREATE INDEX "universe_technicals_symbol_idx" ON "universe_technicals" ("symbol");
CREATE TABLE "valyu_retrieval_counters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source_tier" text NOT NULL,
                "month_key" text NOT NULL,
                "retrieval_count" integer NOT NULL DEFAULT '0',
                "last_updated" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "valyu_retrieval_counters_pkey" PRIMARY KEY ("id")
            );
ALTER TABLE "admin_settings"
            ADD CONSTRAINT "admin_settings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE CASCADE;
ALTER TABLE "strategy_versions"
            ADD CONSTRAINT "strategy_versions_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_arena_runs"
            ADD CONSTRAINT "ai_arena_runs_strategy_version_id_fkey" FOREIGN KEY ("strategy_version_id") REFERENCES "strategy_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_arena_agent_decisions"
            ADD CONSTRAINT "ai_arena_agent_decisions_arena_run_id_fkey" FOREIGN KEY ("arena_run_id") REFERENCES "ai_arena_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_arena_agent_decisions"
            ADD CONSTRAINT "ai_arena_agent_decisions_agent_profile_id_fkey" FOREIGN KEY ("agent_profile_id") REFERENCES "ai_agent_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "fills"
            ADD CONSTRAINT "fills_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "work_item_runs"
            ADD CONSTRAINT "work_item_runs_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "work_items"
            ADD CONSTRAINT "work_items_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders"
            ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders"
            ADD CONSTRAINT "orders_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders"
            ADD CONSTRAINT "orders_trade_intent_id_fkey" FOREIGN KEY ("trade_intent_id") REFERENCES "trades"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders"
            ADD CONSTRAINT "orders_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trades"
            ADD CONSTRAINT "trades_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trades"
            ADD CONSTRAINT "trades_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trades"
            ADD CONSTRAINT "trades_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_decisions"
            ADD CONSTRAINT "ai_decisions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_decisions"
            ADD CONSTRAINT "ai_decisions_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_decisions"
            ADD CONSTRAINT "ai_decisions_executed_trade_id_fkey" FOREIGN KEY ("executed_trade_id") REFERENCES "trades"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_decision_features"
            ADD CONSTRAINT "ai_decision_features_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "debate_messages"
            ADD CONSTRAINT "debate_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "debate_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "debate_consensus"
            ADD CONSTRAINT "debate_consensus_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "debate_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "debate_consensus"
            ADD CONSTRAINT "debate_consensus_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_outcome_links"
            ADD CONSTRAINT "ai_outcome_links_consensus_id_fkey" FOREIGN KEY ("consensus_id") REFERENCES "debate_consensus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_outcome_links"
            ADD CONSTRAINT "ai_outcome_links_debate_session_id_fkey" FOREIGN KEY ("debate_session_id") REFERENCES "debate_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_outcome_links"
            ADD CONSTRAINT "ai_outcome_links_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_outcome_links"
            ADD CONSTRAINT "ai_outcome_links_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_trade_outcomes"
            ADD CONSTRAINT "ai_trade_outcomes_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_trade_outcomes"
            ADD CONSTRAINT "ai_trade_outcomes_trade_id_fkey" FOREIGN KEY ("trade_id") REFERENCES "trades"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_trade_outcomes"
            ADD CONSTRAINT "ai_trade_outcomes_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_events"
            ADD CONSTRAINT "alert_events_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "allocation_policies"
            ADD CONSTRAINT "allocation_policies_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE CASCADE;
ALTER TABLE "data_source_analysis"
            ADD CONSTRAINT "data_source_analysis_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "ai_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "analysis_feedback"
            ADD CONSTRAINT "analysis_feedback_data_source_analysis_id_fkey" FOREIGN KEY ("data_source_analysis_id") REFERENCES "data_source_analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "analysis_feedback"
            ADD CONSTRAINT "analysis_feedback_trade_outcome_id_fkey" FOREIGN KEY ("trade_outcome_id") REFERENCES "ai_trade_outcomes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_logs"
            ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE CASCADE;
ALTER TABLE "backtest_trade_events"
            ADD CONSTRAINT "backtest_trade_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "backtest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "backtest_runs"
            ADD CONSTRAINT "backtest_runs_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "backtest_equity_curve"
            ADD CONSTRAINT "backtest_equity_curve_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "backtest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "competition_scores"
            ADD CONSTRAINT "competition_scores_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "competition_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "competition_scores"
            ADD CONSTRAINT "competition_scores_trader_profile_id_fkey" FOREIGN KEY ("trader_profile_id") REFERENCES "trader_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages"
            ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "positions"
            ADD CONSTRAINT "positions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "positions"
            ADD CONSTRAINT "positions_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rebalance_runs"
            ADD CONSTRAINT "rebalance_runs_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "allocation_policies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions"
            ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tool_invocations"
            ADD CONSTRAINT "tool_invocations_debate_session_id_fkey" FOREIGN KEY ("debate_session_id") REFERENCES "debate_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "universe_candidates"
            ADD CONSTRAINT "universe_candidates_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE CASCADE;
COMMIT;
